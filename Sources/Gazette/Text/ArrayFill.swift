extension Array {
    /// `Array(repeating: value, count: count)`, allocated through the specialized path.
    ///
    /// `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:initializingWith:)` allocate
    /// through the standard library's unspecialized `_allocateBufferUninitialized`, which looks the
    /// storage class's metadata up again at every call (`swift_getCanonicalPrespecializedGenericMetadata`,
    /// about 700 instructions, more than the allocation: 40,838 calls and 31 M instructions on the
    /// 2 MB import); `reserveCapacity` in specialized code reads a metadata cache.
    init(filled value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
