import Foundation
import HarkCommands

#if os(Linux)
    import CGlibc

    // Blocks of a megabyte and more (encoded clips, their decoded samples) come from their own mappings
    // and go back to the system when freed. glibc otherwise raises this threshold to the largest block
    // freed so far, and the heap then keeps a ten-minute clip's buffers after they are gone.
    mallopt(M_MMAP_THRESHOLD, 1 << 20)
#endif

exit(await HarkCommandLine.run(Array(CommandLine.arguments.dropFirst())))
