#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
// zlib (Debian's zlib1g) for gzip content-coding of large cached answers. `deflateInit2` is a macro,
// which Swift cannot call: this wrapper exposes it as a function.
#include <zlib.h>

static inline int czlib_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

#endif
