using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Tests;

public sealed class IdRulesTests
{
    public static TheoryData<string> ValidEntityIds => ["openai", "google-ai-studio", "x", "01-ai", "a1-b2-c3", new string('a', 64)];

    public static TheoryData<string?, string> InvalidEntityIds => new()
    {
        { null, "is required" },
        { "", "must not be empty" },
        { new string('a', 65), "is longer than 64 characters" },
        { "OpenAI", "must be lower-case kebab-case like 'google-ai-studio'" },
        { "google_ai", "must be lower-case kebab-case like 'google-ai-studio'" },
        { "-openai", "must be lower-case kebab-case like 'google-ai-studio'" },
        { "openai-", "must be lower-case kebab-case like 'google-ai-studio'" },
        { "open--ai", "must be lower-case kebab-case like 'google-ai-studio'" },
        { "open ai", "must be lower-case kebab-case like 'google-ai-studio'" },
        { "meta/llama", "must be lower-case kebab-case like 'google-ai-studio'" },
        { "café", "must be lower-case kebab-case like 'google-ai-studio'" },
    };

    public static TheoryData<string> ValidModelIds =>
    [
        "gpt-4o",
        "meta-llama/llama-4-scout-17b-16e-instruct",
        "claude-3-5-sonnet@20241022",
        "gemini-2.5-pro@default",
        "ft:gpt-4o:my-org:custom:abc123",
        "accounts/fireworks/models/llama-v3p1-8b-instruct",
        "a.b/c..d/.hidden",
        new string('m', 256),
    ];

    public static TheoryData<string?, string> InvalidModelIds => new()
    {
        { null, "is required" },
        { "", "must not be empty" },
        { new string('m', 257), "is longer than 256 characters" },
        { "gpt\u00014o", "contains a control character" },
        { "gpt-4o\n", "contains a control character" },
        { "gpt\t4o", "contains a control character" },
        { "gpt 4o", "contains whitespace" },
        { "gpt\u00a04o", "contains whitespace" },
        { "meta\\llama", "contains a backslash" },
        { "gpt\u200b4o", "contains an invisible formatting character" },
        { "/gpt-4o", "must not start with '/'" },
        { "meta-llama/", "must not end with '/'" },
        { "meta-llama//llama", "contains an empty path segment ('//')" },
        { "meta-llama/./llama", "contains a '.' path segment" },
        { "./llama", "contains a '.' path segment" },
        { "meta-llama/../etc", "contains a '..' path segment" },
        { "..", "contains a '..' path segment" },
    };

    public static TheoryData<string> ValidDefinitionIds => ["openai/gpt-4o", "meta/llama-4-scout", "anthropic/claude-3-5-sonnet@20241022", "meta/llama/4"];

    public static TheoryData<string?, string> InvalidDefinitionIds => new()
    {
        { null, "is required" },
        { "", "must not be empty" },
        { "gpt-4o", "must be 'author/slug', like 'openai/gpt-4o'" },
        { "OpenAI/gpt-4o", "author part must be lower-case kebab-case like 'google-ai-studio'" },
        { "/gpt-4o", "author part must not be empty" },
        { "openai/", "slug must not be empty" },
        { "openai//gpt", "slug must not start with '/'" },
        { "openai/gpt 4o", "slug contains whitespace" },
        { "openai/../x", "slug contains a '..' path segment" },
        { "openai/" + new string('s', 250), "is longer than 256 characters" },
        { new string('a', 65) + "/gpt", "author part is longer than 64 characters" },
    };

    [Theory]
    [MemberData(nameof(ValidEntityIds))]
    public void Valid_provider_and_author_ids_are_returned_unchanged(string id)
    {
        Assert.Equal(id, IdRules.ValidateProviderId(id));
        Assert.Equal(id, IdRules.ValidateAuthorId(id));
    }

    [Theory]
    [MemberData(nameof(InvalidEntityIds))]
    public void Invalid_provider_ids_name_the_field_and_the_value(string? id, string reason)
    {
        var error = Assert.Throws<StarmapValidationException>(() => IdRules.ValidateProviderId(id, "providers[3].id"));
        AssertNames(error, "providers[3].id", id, reason);
    }

    [Theory]
    [MemberData(nameof(InvalidEntityIds))]
    public void Invalid_author_ids_use_the_default_field(string? id, string reason)
    {
        var error = Assert.Throws<StarmapValidationException>(() => IdRules.ValidateAuthorId(id));
        AssertNames(error, "author.id", id, reason);
    }

    [Theory]
    [MemberData(nameof(ValidModelIds))]
    public void Opaque_model_ids_with_slashes_ats_and_colons_are_valid(string id) =>
        Assert.Equal(id, IdRules.ValidateModelId(id));

    [Theory]
    [MemberData(nameof(InvalidModelIds))]
    public void Invalid_model_ids_name_the_field_and_the_value(string? id, string reason)
    {
        var error = Assert.Throws<StarmapValidationException>(() => IdRules.ValidateModelId(id, "offerings[x].model_id"));
        AssertNames(error, "offerings[x].model_id", id, reason);
    }

    [Theory]
    [MemberData(nameof(ValidDefinitionIds))]
    public void Valid_definition_ids_are_returned_unchanged(string id) =>
        Assert.Equal(id, IdRules.ValidateDefinitionId(id));

    [Theory]
    [MemberData(nameof(InvalidDefinitionIds))]
    public void Invalid_definition_ids_name_the_field_and_the_value(string? id, string reason)
    {
        var error = Assert.Throws<StarmapValidationException>(() => IdRules.ValidateDefinitionId(id));
        AssertNames(error, "definition.id", id, reason);
    }

    [Fact]
    public void Unpaired_surrogates_are_rejected_but_pairs_are_text()
    {
        // Kept out of theory data: test-case serialization cannot carry a lone surrogate intact.
        var error = Assert.Throws<StarmapValidationException>(() => IdRules.ValidateModelId("gpt\ud800-4o"));
        Assert.Equal("contains an unpaired surrogate", error.Reason);
        Assert.Equal("contains an unpaired surrogate", Assert.Throws<StarmapValidationException>(() => IdRules.ValidateModelId("gpt-4o\udc00")).Reason);
        Assert.Equal("emoji-\ud83d\ude80", IdRules.ValidateModelId("emoji-\ud83d\ude80"));
    }

    [Fact]
    public void Control_characters_are_escaped_in_the_value_and_message()
    {
        var error = Assert.Throws<StarmapValidationException>(() => IdRules.ValidateModelId("bad\u0007id"));
        Assert.Equal("bad\\u0007id", error.Value);
        Assert.DoesNotContain('\u0007', error.Message);
    }

    [Fact]
    public void Long_values_are_shortened_in_the_exception()
    {
        var error = Assert.Throws<StarmapValidationException>(() => IdRules.ValidateModelId(new string('m', 300)));
        Assert.Equal(new string('m', 80) + "…", error.Value);
    }

    private static void AssertNames(StarmapValidationException error, string field, string? value, string reason)
    {
        Assert.Equal(field, error.Field);
        Assert.Equal(reason, error.Reason);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        if (value is null)
        {
            Assert.Null(error.Value);
        }
        else
        {
            Assert.Equal(StarmapValidationException.Printable(value), error.Value);
            Assert.Contains(error.Value!, error.Message, StringComparison.Ordinal);
        }
    }
}
