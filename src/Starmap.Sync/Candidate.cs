namespace Starmap.Sync;

/// <summary>
/// One source's statement about one record, flattened. <see cref="Order"/> breaks ties between
/// statements of equal priority by a canonical sort of all statements, so input order never matters.
/// </summary>
internal sealed record Candidate(string Source, DateTimeOffset ObservedAt, int Order, FieldMap Fields);
