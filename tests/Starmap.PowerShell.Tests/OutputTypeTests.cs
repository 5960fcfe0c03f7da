using System.Collections;
using Starmap.PowerShell;

namespace Starmap.PowerShell.Tests;

public sealed class OutputTypeTests
{
    private static CatalogModel Bare(string id = "m") => new() { Offering = new Offering { ProviderId = "p", ModelId = id } };

    [Fact]
    public void Unknown_values_map_to_null_never_zero_or_false()
    {
        var m = StarmapModel.From(Bare());

        Assert.Null(m.ContextWindow);
        Assert.Null(m.InputPrice);
        Assert.Null(m.OutputPrice);
        Assert.Null(m.Currency);
        Assert.Null(m.Status);
        Assert.Null(m.Availability);
        Assert.Null(m.OpenWeights);
        Assert.Null(m.InputModalities);
        Assert.Null(m.ReleaseDate);
        Assert.Empty(m.Features);
        Assert.Empty(m.UnsupportedFeatures);
        Assert.Equal("m", m.Name);
    }

    [Fact]
    public void Known_values_keep_zero_and_false_and_split_features_by_value()
    {
        var model = Bare() with
        {
            Offering = Bare().Offering with
            {
                Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 0m, Output = 1.25m } },
                Limits = new ModelLimits { ContextWindow = 128_000 },
                Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated, RetiresAt = new DateOnly(2027, 1, 31) },
                Features = new ModelFeatures
                {
                    InputModalities = [Modality.Text, Modality.Image],
                    Flags = FeatureFlags.From([new(Feature.ToolCalls, true), new(Feature.Temperature, false)]),
                },
            },
        };

        var m = StarmapModel.From(model);

        Assert.Equal(0m, m.InputPrice);
        Assert.Equal(1.25m, m.OutputPrice);
        Assert.Equal("USD", m.Currency);
        Assert.Equal(128_000, m.ContextWindow);
        Assert.Equal("deprecated", m.Status);
        Assert.Equal(new DateTime(2027, 1, 31), m.RetiresAt);
        Assert.Equal(["text", "image"], m.InputModalities!);
        Assert.Equal(["tool_calls"], m.Features);
        Assert.Equal(["temperature"], m.UnsupportedFeatures);
    }

    [Fact]
    public void A_model_shows_its_definitions_facts_and_fills_gaps_from_its_offering()
    {
        var model = Bare() with
        {
            Offering = Bare().Offering with
            {
                Description = "offering text",
                Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2030, 1, 1), KnowledgeCutoff = new DateOnly(2025, 3, 1), OpenWeights = true },
                Lineage = new ModelLineage { Family = "rocket" },
            },
            Definition = new ModelDefinition { Id = "a/m", Name = "M", Description = "definition text", Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2025, 9, 1) } },
        };

        var m = StarmapModel.From(model);

        Assert.Equal(new DateTime(2025, 9, 1), m.ReleaseDate);      // the definition's
        Assert.Equal(new DateTime(2025, 3, 1), m.KnowledgeCutoff);  // the offering's, the definition does not say
        Assert.True(m.OpenWeights);
        Assert.Equal("rocket", m.Family);
        Assert.Equal("definition text", m.Description);
        Assert.Null(StarmapModel.From(Bare()).Family);
    }

    [Fact]
    public void A_provider_shows_whether_its_key_is_set_but_never_the_key()
    {
        var variable = "STARMAP_TEST_KEY_" + Guid.NewGuid().ToString("N");
        var secret = "sk-secret-" + Guid.NewGuid().ToString("N");
        var provider = new Provider { Id = "p", Name = "P", Auth = new ProviderAuth { ApiKeyEnvVars = [variable] } };
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            var p = StarmapProvider.From(provider, models: 3, version: 1);

            Assert.True(p.KeyConfigured);
            Assert.Equal([variable], p.KeyVariables);
            foreach (var property in typeof(StarmapProvider).GetProperties())
            {
                var text = property.GetValue(p) switch
                {
                    string s => s,
                    IEnumerable e => string.Join(",", e.Cast<object>()),
                    var v => v?.ToString(),
                };
                Assert.DoesNotContain(secret, text ?? "", StringComparison.Ordinal);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
        Assert.False(StarmapProvider.From(provider, 3, 1).KeyConfigured);
    }

    [Fact]
    public void Sync_results_flatten_the_changeset_one_row_per_field()
    {
        var result = new SyncResult
        {
            ProviderId = "p",
            Status = SyncStatus.DryRun,
            DryRun = true,
            Changes = new Changeset
            {
                AddedOfferings = [new EntityChange { Id = "a" }],
                UpdatedOfferings = [new EntityChange { Id = "b", Fields = [new FieldChange { Path = "pricing.tokens.input", Old = "1", New = "2", Source = "models.dev" }, new FieldChange { Path = "name", New = "\"B\"" }] }],
            },
        };

        var r = StarmapSyncResult.From(result);

        Assert.Equal("DryRun", r.Status);
        Assert.Equal(1, r.Added);
        Assert.Equal(1, r.Updated);
        Assert.Equal(3, r.Changes.Length);
        Assert.Equal(("added", "a", null), (r.Changes[0].Action, r.Changes[0].Id, r.Changes[0].Path));
        Assert.Equal(("updated", "pricing.tokens.input", "1", "2", "models.dev"), (r.Changes[1].Action, r.Changes[1].Path, r.Changes[1].Old, r.Changes[1].New, r.Changes[1].Source));
        Assert.Null(r.Changes[2].Old);
    }

    [Fact]
    public void A_sync_result_shows_the_fields_it_quarantined_and_released_as_objects_and_change_rows()
    {
        var note = new QuarantineNote { Path = "limits.output_tokens", Value = "65536", Reason = "must not exceed context_window (8192)", Source = "models.dev" };
        var result = new SyncResult
        {
            ProviderId = "groq",
            Status = SyncStatus.DryRun,
            Changes = new Changeset
            {
                Quarantined = [QuarantinedField.OfOffering("groq", "big", note)],
                Released = [QuarantinedField.OfOffering("groq", "old", note with { Path = "name", Value = "x\\u0009" })],
            },
        };

        var r = StarmapSyncResult.From(result);

        var quarantined = Assert.Single(r.Quarantined);
        Assert.Equal(("groq", "big", "limits.output_tokens", "65536", "models.dev"), (quarantined.ProviderId, quarantined.ModelId, quarantined.Field, quarantined.Value, quarantined.Source));
        Assert.Equal("name", Assert.Single(r.Released).Field);
        Assert.Equal(("quarantined", "big", "limits.output_tokens", null, "65536"), (r.Changes[0].Action, r.Changes[0].Id, r.Changes[0].Path, r.Changes[0].Old, r.Changes[0].New));
        Assert.Equal(("released", "old", "x\\u0009", null), (r.Changes[1].Action, r.Changes[1].Id, r.Changes[1].Old, r.Changes[1].New));
    }
}
