using Starmap.Sources.ModelsDev;

namespace Starmap.Sources.Tests.ModelsDev;

public sealed class ModelsDevImportDocumentTests
{
    [Theory]
    [InlineData("this is not json", "is not a models.dev api.json: models.dev api.json is not valid JSON")]
    [InlineData("[1, 2]", "is not a models.dev api.json: models.dev api.json must be an object of providers")]
    [InlineData("{}", "lists no providers: a models.dev api.json is an object of providers")]
    [InlineData("{\"acme\": 5}", "lists no providers")]
    public void A_document_that_is_no_models_dev_file_fails_with_a_reason_that_follows_its_subject(string document, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => ModelsDevImportDocument.Parse(document));

        Assert.StartsWith(reason, ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("; nothing was imported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_with_a_provider_parses_to_its_snapshot()
    {
        var snapshot = ModelsDevImportDocument.Parse("""{"acme": {"id": "acme", "models": {"acme-small": {"name": "Acme Small"}}}}""");

        Assert.Equal(["acme"], snapshot.Providers.Keys);
        Assert.Equal(["acme-small"], snapshot.Providers["acme"].Models.Select(m => m.Id));
    }
}
