namespace Starmap;

/// <summary>
/// A change to some fields of an author record, applied by its grain in one turn like
/// <see cref="OfferingPatch"/>; its definitions are never touched. <see cref="Values"/>' ID is ignored.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.author-patch")]
public sealed record AuthorPatch
{
    private static readonly FieldSetters<Author> Setters = new(
        "author",
        ("name", (c, v) => c with { Name = v.Name }),
        ("aliases", (c, v) => c with { Aliases = v.Aliases }),
        ("description", (c, v) => c with { Description = v.Description }),
        ("headquarters", (c, v) => c with { Headquarters = v.Headquarters }),
        ("icon_url", (c, v) => c with { IconUrl = v.IconUrl }),
        ("links.website", (c, v) => c with { Links = (c.Links ?? new()) with { Website = v.Links?.Website } }),
        ("links.hugging_face", (c, v) => c with { Links = (c.Links ?? new()) with { HuggingFace = v.Links?.HuggingFace } }),
        ("links.git_hub", (c, v) => c with { Links = (c.Links ?? new()) with { GitHub = v.Links?.GitHub } }));

    /// <summary>Field paths to change, e.g. <c>name</c>, <c>links.website</c>; see <see cref="Paths"/>.</summary>
    [Id(0)] public EquatableArray<string> Fields { get; init; }

    /// <summary>Carries the new values; only the paths in <see cref="Fields"/> are read from it.</summary>
    [Id(1)] public required Author Values { get; init; }

    /// <summary>Every path an author patch may name, in the order they apply.</summary>
    public static IReadOnlyList<string> Paths => Setters.Paths;

    /// <summary><paramref name="current"/> with this patch's fields changed.</summary>
    public Author ApplyTo(Author current) => Setters.Apply(current, Fields, Values);
}
