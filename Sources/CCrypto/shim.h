#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H
// libxcrypt (crypt(3) with yescrypt) for passwords; OpenSSL libcrypto for SHA-256,
// constant-time comparison and the CSPRNG. Nothing here implements cryptography itself.
#include <crypt.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#endif
