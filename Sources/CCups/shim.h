// libcups (Debian's libcups2-dev; it ships no cups.pc, so the library is linked from the modulemap).
#ifndef MOTCUA_CCUPS_SHIM_H
#define MOTCUA_CCUPS_SHIM_H
#include <cups/cups.h>
#include <cups/ipp.h>
#endif
