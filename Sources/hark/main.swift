import Foundation
import HarkCommands

exit(await HarkCommandLine.run(Array(CommandLine.arguments.dropFirst())))
