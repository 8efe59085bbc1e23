#ifndef CTLS_SHIM_H
#define CTLS_SHIM_H
// OpenSSL's libssl for the SMTP client's TLS (STARTTLS and implicit TLS). Nothing here implements
// cryptography: these wrappers only expose OpenSSL macros, which Swift cannot call, as functions.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

/// SSL_CTX_set_min_proto_version is a macro.
static inline int ctls_set_min_tls12(SSL_CTX *ctx) { return (int)SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION); }

/// SSL_set_tlsext_host_name (SNI) is a macro.
static inline int ctls_set_sni(SSL *ssl, const char *name) { return (int)SSL_set_tlsext_host_name(ssl, name); }
#endif
