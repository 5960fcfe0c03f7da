namespace Starmap.Grains.Tests;

/// <summary>
/// IDs made only of whitespace: Orleans refuses them as grain keys before any grain can validate them,
/// so the facade must answer with the same validation error as for any other malformed ID.
/// </summary>
public sealed class BlankIdTests(ClusterFixture fixture)
{
    public static TheoryData<string> BlankIds => [" ", "\t", "\n", "\r\n", ""];

    public static TheoryData<string> MalformedIds => ["BAD ID", "Open_AI", "a\u202eb", "-lead", new string('a', 65)];

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public async Task A_malformed_provider_or_author_id_is_refused_by_the_facade_by_the_catalogs_own_rule(string id)
    {
        var catalog = fixture.Catalog;
        Func<Task>[] providerCalls =
        [
            () => catalog.Providers.FindAsync(id),
            () => catalog.Providers.SetModelAsync(id, Samples.Offering("blank-ids", "m")),
            () => catalog.Sync.GetLastOutcomeAsync(id),
        ];
        foreach (var call in providerCalls)
        {
            var error = await Assert.ThrowsAsync<StarmapValidationException>(call);
            Assert.Equal("provider key", error.Field);
            Assert.Equal(EntityIds.Problem(id), error.Message[(error.Message.IndexOf("': ", StringComparison.Ordinal) + 3)..]);
        }
        Assert.Equal("author key", (await Assert.ThrowsAsync<StarmapValidationException>(() => catalog.Authors.FindAsync(id))).Field);
    }

    [Theory]
    [MemberData(nameof(BlankIds))]
    public async Task A_blank_provider_id_is_a_validation_error_naming_the_provider_key_in_every_provider_call(string id)
    {
        var catalog = fixture.Catalog;
        Func<Task>[] calls =
        [
            () => catalog.Providers.FindAsync(id),
            () => catalog.Providers.GetAsync(id),
            () => catalog.Providers.SetAsync(Samples.Provider("blank-ids") with { Id = id }),
            () => catalog.Providers.CreateAsync(Samples.Provider("blank-ids") with { Id = id }),
            () => catalog.Providers.PatchAsync(id, new ProviderPatch { Fields = ["name"], Values = Samples.Provider("blank-ids") }),
            () => catalog.Providers.DeleteAsync(id),
            () => catalog.Providers.SetModelAsync(id, Samples.Offering("blank-ids", "m")),
            () => catalog.Providers.DeleteModelAsync(id, "m"),
            () => catalog.Providers.ListModelsAsync(id),
        ];
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<StarmapValidationException>(call);
            Assert.Equal("provider key", error.Field);
        }
    }

    [Theory]
    [MemberData(nameof(BlankIds))]
    public async Task A_blank_provider_id_is_a_validation_error_in_every_sync_and_schedule_call(string id)
    {
        var sync = fixture.Catalog.Sync;
        Func<Task>[] calls =
        [
            () => sync.StartAsync(id, new SyncRequest { DryRun = true }),
            () => sync.SyncAsync(id, new SyncRequest { DryRun = true }),
            () => sync.GetLastOutcomeAsync(id),
            () => sync.GetScheduleAsync(id),
            () => sync.SetScheduleAsync(id, TimeSpan.FromHours(6)),
            () => sync.RemoveScheduleAsync(id),
        ];
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<StarmapValidationException>(call);
            Assert.Equal("provider key", error.Field);
        }
    }

    [Theory]
    [MemberData(nameof(BlankIds))]
    public async Task A_blank_author_id_is_a_validation_error_naming_the_author_key_in_every_author_call(string id)
    {
        var catalog = fixture.Catalog;
        Func<Task>[] calls =
        [
            () => catalog.Authors.FindAsync(id),
            () => catalog.Authors.SetAsync(Samples.Author("blank-ids") with { Id = id }),
            () => catalog.Authors.PatchAsync(id, new AuthorPatch { Fields = ["name"], Values = Samples.Author("blank-ids") }),
            () => catalog.Authors.DeleteAsync(id),
            () => catalog.Authors.DeleteModelAsync(id + "/slug"),
        ];
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<StarmapValidationException>(call);
            Assert.Equal("author key", error.Field);
        }
    }
}
