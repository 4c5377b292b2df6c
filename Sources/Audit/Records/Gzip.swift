import CZlib
import Foundation

/// gzip through the system zlib (CloudTrail delivers trail files as `.json.gz`).
enum Gzip {
    /// True when `data` starts with the gzip magic bytes.
    static func isGzip(_ data: Data) -> Bool { data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b }

    /// The inflated bytes; a truncated or corrupt stream is an error naming what zlib said.
    static func inflate(_ data: Data) throws(GzipError) -> Data {
        var stream = z_stream()
        // 15 + 16: a gzip wrapper (not raw deflate, not zlib).
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GzipError(message: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var input = [UInt8](data)
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            repeat {
                buffer.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(outBuf.baseAddress!, count: chunk - Int(stream.avail_out))
                }
                // A multi-member file (concatenated gzip streams) goes on with the next member.
                if status == Z_STREAM_END && stream.avail_in > 0 {
                    status = inflateReset(&stream)
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else {
            if status == Z_BUF_ERROR { throw GzipError(message: "truncated gzip stream (it ends before the data does)") }
            let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw GzipError(message: "corrupt gzip stream: \(reason)")
        }
        return output
    }
}

struct GzipError: Error { var message: String }
