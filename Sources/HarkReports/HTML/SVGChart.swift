import Foundation

/// Small SVG charts drawn in Swift, inline in the HTML report: no script, no network.
public enum SVGChart {
    static let palette = ["#3b6ea8", "#d2691e", "#2e8b57", "#8b3a62", "#b8860b", "#4b0082", "#708090"]

    /// Grouped bars: one group per label on x, one bar per series; values in [0, 1] shown as %.
    /// `reference` draws a dashed line (e.g. the balanced 50% of a yes-ratio).
    /// `intervals`: a 95% interval per bar, drawn as a whisker.
    public static func bars(
        title: String, groups: [String], series: [String], values: [[Double?]], intervals: [[[Double]?]] = [],
        reference: Double? = nil
    ) -> String {
        let frame = GroupedFrame(groups: groups, series: series)
        var svg = frame.open(title: title)
        for (groupIndex, group) in groups.enumerated() {
            for seriesIndex in series.indices {
                guard let value = values[seriesIndex][groupIndex] else { continue }
                let x = frame.slot(group: groupIndex, series: seriesIndex)
                let interval = (intervals.indices.contains(seriesIndex) ? intervals[seriesIndex][groupIndex] : nil)
                    .flatMap { $0.count == 2 ? $0 : nil }
                let range = interval.map { String(format: " [%.2f, %.2f]", $0[0] * 100, $0[1] * 100) } ?? ""
                svg +=
                    #"<rect x="\#(x)" y="\#(frame.y(value))" width="22" height="\#(frame.plotBottom - frame.y(value))" fill="\#(palette[seriesIndex % palette.count])"><title>\#(HTMLText.escape(series[seriesIndex])) · \#(HTMLText.escape(group)): \#(String(format: "%.2f", value * 100))\#(range)</title></rect>"#
                if let interval {
                    let centre = x + 11
                    let (low, high) = (frame.y(interval[0]), frame.y(interval[1]))
                    svg +=
                        #"<path d="M\#(centre - 4) \#(low)H\#(centre + 4)M\#(centre) \#(low)V\#(high)M\#(centre - 4) \#(high)H\#(centre + 4)" class="whisker"/>"#
                }
            }
        }
        if let reference {
            svg +=
                #"<line x1="\#(frame.plotLeft)" x2="\#(frame.width - 10)" y1="\#(frame.y(reference))" y2="\#(frame.y(reference))" class="reference"/>"#
        }
        return svg + frame.close()
    }

    /// A label × answer grid of counts, shaded by share of the row.
    public static func confusion(title: String, counts: [String: Int]) -> String {
        let rows = ["yes", "no"]
        let columns = ["yes", "no", "unparsed"]
        var svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" class="matrix" viewBox="0 0 300 130" role="img"><title>\#(HTMLText.escape(title))</title>"#
        svg += #"<text x="4" y="14" class="chart-title">\#(HTMLText.escape(title))</text>"#
        for (index, column) in columns.enumerated() {
            svg += #"<text x="\#(110 + index * 64)" y="32" class="axis" text-anchor="middle">said \#(column)</text>"#
        }
        for (rowIndex, row) in rows.enumerated() {
            let total = columns.reduce(0) { $0 + (counts["\(row)_\($1)"] ?? 0) }
            svg += #"<text x="4" y="\#(58 + rowIndex * 40)" class="axis">label \#(row)</text>"#
            for (columnIndex, column) in columns.enumerated() {
                let count = counts["\(row)_\(column)"] ?? 0
                let share = total > 0 ? Double(count) / Double(total) : 0
                let good = row == column
                let colour = good ? "rgba(46,139,87,\(0.15 + 0.7 * share))" : "rgba(200,60,40,\(0.1 + 0.7 * share))"
                svg +=
                    #"<rect x="\#(80 + columnIndex * 64)" y="\#(38 + rowIndex * 40)" width="60" height="36" fill="\#(colour)"/>"#
                svg +=
                    #"<text x="\#(110 + columnIndex * 64)" y="\#(61 + rowIndex * 40)" class="cell" text-anchor="middle">\#(count)</text>"#
            }
        }
        return svg + "</svg>"
    }
}

extension SVGChart {
    /// A forest plot: one row per change, its interval as a whisker and its estimate as a dot
    /// (filled when significant), around a zero line; values are differences of shares, shown ×100.
    public static func forest(
        title: String, rows: [(label: String, difference: Double, ci: [Double], significant: Bool)]
    ) -> String {
        guard !rows.isEmpty else { return "" }
        let width = 640.0
        let labelWidth = 250.0
        let rowHeight = 20.0
        let top = 30.0
        let height = top + rowHeight * Double(rows.count) + 30
        let extent = max(
            0.01, rows.map { max(abs($0.ci.first ?? 0), abs($0.ci.last ?? 0), abs($0.difference)) }.max() ?? 0.01)
        let plotLeft = labelWidth + 10
        let plotRight = width - 20
        func x(_ value: Double) -> Double { plotLeft + (value + extent) / (2 * extent) * (plotRight - plotLeft) }
        var svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart forest" width="\#(Int(width))" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img">"#
        svg +=
            #"<title>\#(HTMLText.escape(title))</title><text x="4" y="18" class="chart-title">\#(HTMLText.escape(title))</text>"#
        svg += #"<line x1="\#(x(0))" x2="\#(x(0))" y1="\#(top - 6)" y2="\#(height - 24)" class="reference"/>"#
        for tick in [-extent, -extent / 2, 0, extent / 2, extent] {
            svg +=
                #"<text x="\#(x(tick))" y="\#(height - 8)" class="axis" text-anchor="middle">\#(String(format: "%+.1f", tick * 100))</text>"#
        }
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index) + rowHeight / 2
            let low = row.ci.first ?? row.difference
            let high = row.ci.last ?? row.difference
            let text = String(format: "%+.2f [%+.2f, %+.2f]", row.difference * 100, low * 100, high * 100)
            svg +=
                #"<text x="\#(labelWidth)" y="\#(y + 4)" class="axis" text-anchor="end">\#(HTMLText.escape(row.label))</text>"#
            svg += #"<line x1="\#(x(low))" x2="\#(x(high))" y1="\#(y)" y2="\#(y)" class="whisker"/>"#
            svg +=
                #"<circle cx="\#(x(row.difference))" cy="\#(y)" r="4" fill="\#(row.significant ? palette[0] : "none")" stroke="\#(palette[0])" stroke-width="1.5"><title>\#(HTMLText.escape(row.label)): \#(text)</title></circle>"#
        }
        return svg + "</svg>"
    }
}

extension SVGChart {
    /// Dots per group and series (one per value: e.g. a template's F1) with a bar at their mean;
    /// values in [0, 1] shown as %.
    public static func dots(title: String, groups: [String], series: [String], values: [[[Double]]]) -> String {
        let frame = GroupedFrame(groups: groups, series: series)
        var svg = frame.open(title: title)
        for (groupIndex, group) in groups.enumerated() {
            for seriesIndex in series.indices {
                let points = values[groupIndex][seriesIndex]
                guard !points.isEmpty else { continue }
                let x = frame.slot(group: groupIndex, series: seriesIndex) + 11
                let colour = palette[seriesIndex % palette.count]
                let mean = frame.y(points.reduce(0, +) / Double(points.count))
                svg +=
                    #"<line x1="\#(x - 9)" x2="\#(x + 9)" y1="\#(mean)" y2="\#(mean)" stroke="\#(colour)" stroke-width="3"/>"#
                for point in points {
                    svg +=
                        #"<circle cx="\#(x)" cy="\#(frame.y(point))" r="3" fill="\#(colour)" fill-opacity="0.7"><title>\#(HTMLText.escape(series[seriesIndex])) · \#(HTMLText.escape(group)): \#(String(format: "%.2f", point * 100))</title></circle>"#
                }
            }
        }
        return svg + frame.close()
    }
}

/// The frame the grouped charts share: a 0–100 axis with its grid, a 26 px slot per series within
/// each group, the group names under the axis and a legend (150 px a series, which the width leaves
/// room for).
struct GroupedFrame {
    let groups: [String]
    let series: [String]
    let height = 260
    let plotTop = 30.0
    let plotLeft = 48.0
    var plotBottom: Double { Double(height) - 60 }
    var step: Int { series.count * 26 + 30 }
    var width: Int { max(360, 80 + groups.count * step, 58 + series.count * 150) }

    func y(_ value: Double) -> Double { plotBottom - (plotBottom - plotTop) * min(max(value, 0), 1) }

    /// The left edge of a series' slot in a group.
    func slot(group: Int, series index: Int) -> Double { plotLeft + 16 + Double(group * step + index * 26) }

    func open(title: String) -> String {
        var svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="\#(width)" viewBox="0 0 \#(width) \#(height)" role="img">"#
        svg +=
            #"<title>\#(HTMLText.escape(title))</title><text x="\#(plotLeft)" y="18" class="chart-title">\#(HTMLText.escape(title))</text>"#
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += #"<line x1="\#(plotLeft)" x2="\#(width - 10)" y1="\#(y(tick))" y2="\#(y(tick))" class="grid"/>"#
            svg +=
                #"<text x="\#(plotLeft - 6)" y="\#(y(tick) + 4)" class="axis" text-anchor="end">\#(Int(tick * 100))</text>"#
        }
        return svg
    }

    func close() -> String {
        var svg = ""
        for (index, group) in groups.enumerated() {
            let centre = slot(group: index, series: 0) + Double(series.count * 26) / 2
            svg +=
                #"<text x="\#(centre)" y="\#(plotBottom + 16)" class="axis" text-anchor="middle">\#(HTMLText.escape(group))</text>"#
        }
        for (index, name) in series.enumerated() {
            let x = plotLeft + Double(index * 150)
            svg +=
                #"<rect x="\#(x)" y="\#(height - 22)" width="12" height="12" fill="\#(SVGChart.palette[index % SVGChart.palette.count])"/><text x="\#(x + 16)" y="\#(height - 12)" class="axis">\#(HTMLText.escape(name))</text>"#
        }
        return svg + "</svg>"
    }
}
