// FreeType 2 (Debian's libfreetype-dev). The include path (/usr/include/freetype2) comes from
// pkg-config's freetype2.pc, named by the systemLibrary target in Package.swift.
#ifndef MOTCUA_CFREETYPE_SHIM_H
#define MOTCUA_CFREETYPE_SHIM_H
#include <ft2build.h>
#include FT_FREETYPE_H
#endif
