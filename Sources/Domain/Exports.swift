// The product's vocabulary (records, positions, `DomainError`) is part of the domain's interface: a
// module that imports Domain sees it without naming the Model module.
@_exported import Model

import Storage

/// A storage failure in engine-neutral words (busy, full, unavailable, a constraint…), which the API
/// maps to statuses without knowing the engine.
public typealias StorageError = Storage.StorageError
/// The database the domain services run on: reads and units of work, on any engine.
public typealias DatabaseWriter = Storage.DatabaseWriter
/// A fixed-bucket duration histogram (Prometheus buckets).
public typealias Histogram = Storage.Histogram
