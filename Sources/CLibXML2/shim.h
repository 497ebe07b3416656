// libxml2 with ICU support clashes with Foundation's ICU ("'UErrorCode' has different definitions"):
// read the version header first, switch ICU off, then include the rest.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
