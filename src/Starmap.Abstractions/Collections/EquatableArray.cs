using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace Starmap;

/// <summary>
/// An immutable list with value equality. Records that hold lists compare by content, so two catalog
/// states can be compared with <c>==</c> and a record holding one is deeply immutable.
/// The default value is the empty list.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.array`1")]
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
[JsonConverter(typeof(EquatableArrayJsonConverterFactory))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    [Id(0)]
    private readonly T[]? _items;

    internal EquatableArray(T[] items) => _items = items;

    /// <summary>Number of items.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>True when the list has no items.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The item at <paramref name="index"/>.</summary>
    public T this[int index] => (_items ?? [])[index];

    /// <summary>A read-only view of the items without copying.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>A new list with <paramref name="item"/> appended.</summary>
    public EquatableArray<T> Add(T item) => new([.. AsSpan(), item]);

    /// <summary>True when an item equals <paramref name="item"/>.</summary>
    public bool Contains(T item) => _items is not null && Array.IndexOf(_items, item) >= 0;

    /// <inheritdoc/>
    public bool Equals(EquatableArray<T> other) =>
        AsSpan().SequenceEqual(other.AsSpan(), EqualityComparer<T>.Default);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsSpan())
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Enumerates without allocating; usable across <c>await</c>.</summary>
    public Enumerator GetEnumerator() => new(_items ?? []);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(", ", _items ?? []) + "]";

    /// <summary>A non-allocating enumerator.</summary>
    public struct Enumerator
    {
        private readonly T[] _array;
        private int _index;

        internal Enumerator(T[] array)
        {
            _array = array;
            _index = -1;
        }

        /// <summary>The current item.</summary>
        public readonly T Current => _array[_index];

        /// <summary>Advances to the next item.</summary>
        public bool MoveNext() => ++_index < _array.Length;
    }
}

/// <summary>Factory methods for <see cref="EquatableArray{T}"/>.</summary>
public static class EquatableArray
{
    /// <summary>Copies <paramref name="items"/> into a new immutable list.</summary>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) =>
        items.IsEmpty ? default : new EquatableArray<T>(items.ToArray());

    /// <summary>Copies <paramref name="items"/> into a new immutable list.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) =>
        items is null ? default : Create<T>(items.ToArray());
}
