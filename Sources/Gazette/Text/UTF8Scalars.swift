/// Decodes the scalar values of valid UTF-8 (a Swift string's bytes) without building
/// `Unicode.Scalar`s or `Character`s: the hot loops' way through text.
enum UTF8Scalars {
    /// Calls `body` with each scalar value of `bytes` and the number of bytes it takes, in order.
    @inline(__always)
    static func forEach<C: Collection>(in bytes: C, _ body: (_ value: UInt32, _ length: Int) -> Void) where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        while let lead = iterator.next() {
            if lead < 0x80 { body(UInt32(lead), 1); continue }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
            for _ in 1..<length {
                guard let next = iterator.next() else { return }
                value = value << 6 | UInt32(next & 0x3F)
            }
            body(value, length)
        }
    }

    /// The first offset from `i` at which eight bytes up to `end` are not all ASCII, or where
    /// fewer than eight are left: the ASCII runs that most of a text is, passed over a 64-bit
    /// word at a time. The bytes from the result on are for the caller to read one by one.
    @inline(__always)
    static func skippingASCIIWords(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress else { return i }
        var i = i
        while i + 8 <= end, UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
        }
        return i
    }

    /// The scalar value of the multi-byte sequence starting at `i` (its lead byte is 0x80 or
    /// more) and the number of bytes it takes, cut short at the buffer's end: for loops that
    /// step over ASCII themselves and decode only the rest.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[i]
        let length = min(lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, bytes.count - i)
        var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
        for k in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (value, max(length, 1))
    }
}
