import CTLS
import Glibc

/// An OpenSSL client context for one delivery session: TLS 1.2 or newer, the relay's certificate
/// verified against the system's trust store (plus `caFile`, a private CA).
final class TLSContext {
    let handle: OpaquePointer

    init(caFile: String?) throws(SMTPError) {
        guard let method = TLS_client_method(), let ctx = SSL_CTX_new(method) else {
            throw SMTPError(.tlsHandshake, "cannot create a TLS context: \(TLSStream.openSSLErrors())")
        }
        handle = ctx
        guard ctls_set_min_tls12(ctx) == 1, SSL_CTX_set_default_verify_paths(ctx) == 1 else {
            throw SMTPError(.tlsHandshake, "cannot configure TLS: \(TLSStream.openSSLErrors())", configuration: true)
        }
        if let caFile, SSL_CTX_load_verify_locations(ctx, caFile, nil) != 1 {
            throw SMTPError(.tlsHandshake, "cannot read the CA file \(caFile): \(TLSStream.openSSLErrors())", configuration: true)
        }
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nil)
    }

    deinit { SSL_CTX_free(handle) }
}

/// TLS over a connected socket: SNI and a host-name (or IP address) check against the relay's name,
/// then reads and writes through OpenSSL. The socket's time-outs bound every call.
final class TLSStream {
    private let ssl: OpaquePointer

    init(fd: Int32, context: TLSContext, host: String) throws(SMTPError) {
        guard let ssl = SSL_new(context.handle) else { throw SMTPError(.tlsHandshake, TLSStream.openSSLErrors()) }
        self.ssl = ssl
        SSL_set_fd(ssl, fd)
        if Self.isIPAddress(host) {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host)
        } else {
            _ = ctls_set_sni(ssl, host)
            SSL_set1_host(ssl, host)
        }
        ERR_clear_error()
        guard SSL_connect(ssl) == 1 else {
            let verify = SSL_get_verify_result(ssl)
            if verify != X509_V_OK {
                throw SMTPError(.tlsHandshake, "the relay's certificate was refused: \(String(cString: X509_verify_cert_error_string(verify)))",
                                configuration: true)
            }
            throw SMTPError(.tlsHandshake, Self.openSSLErrors())
        }
    }

    deinit {
        SSL_shutdown(ssl)
        SSL_free(ssl)
    }

    func write(_ bytes: [UInt8]) throws(SMTPError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress! + offset, Int32($0.count - offset)) }
            guard n > 0 else { throw SMTPError(.connect, "connection lost while sending over TLS") }
            offset += Int(n)
        }
    }

    func read(into buffer: inout [UInt8]) throws(SMTPError) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = SSL_read(ssl, &chunk, Int32(chunk.count))
        guard n > 0 else {
            let reason = SSL_get_error(ssl, n) == SSL_ERROR_ZERO_RETURN ? "the relay closed the connection" : "no reply from the relay in time"
            throw SMTPError(.connect, reason)
        }
        buffer.append(contentsOf: chunk[0..<Int(n)])
    }

    /// OpenSSL's queued errors as text.
    static func openSSLErrors() -> String {
        var texts: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var text = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &text, text.count)
            texts.append(String(cString: text))
        }
        return texts.isEmpty ? "TLS failed" : texts.joined(separator: "; ")
    }

    static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
