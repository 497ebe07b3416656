#include <fcntl.h>
#include <malloc.h>

/* sync_file_range(2): a GNU extension, which Swift's Glibc module does not declare. */
int sync_file_range(int fd, long offset, long nbytes, unsigned int flags);
#define HARK_SYNC_FILE_RANGE_WRITE 2
