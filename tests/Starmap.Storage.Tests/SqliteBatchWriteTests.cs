using Orleans.Runtime;
using Xunit;

namespace Starmap.Storage.Tests;

/// <summary>Adding many new states in one write (the seeder's batch): all of them, or none.</summary>
public sealed class SqliteBatchWriteTests : StorageTestBase
{
    private static KeyValuePair<GrainId, ProviderTestState> Entry(string id) =>
        KeyValuePair.Create(GrainId.Create("provider", id), new ProviderTestState { Name = id, Count = id.Length, Tags = [id] });

    [Fact]
    public async Task New_states_added_in_one_write_read_back_as_first_writes_of_each_grain()
    {
        var storage = CreateStorage();
        Assert.True(await storage.TryAddAllAsync(StateName, [Entry("a"), Entry("bb"), Entry("ccc")], Ct));

        foreach (var id in new[] { "a", "bb", "ccc" })
        {
            var read = await ReadAsync(CreateStorage(), GrainId.Create("provider", id));
            Assert.True(read.RecordExists);
            Assert.Equal("1", read.ETag);
            Assert.Equal((id, id.Length), (read.Value().Name, read.Value().Count));
            Assert.Equal([id], read.Value().Tags);
        }
        // The next write of a grain goes on from that first ETag.
        var next = await ReadAsync(storage, GrainId.Create("provider", "bb"));
        next.Value().Count = 99;
        await storage.WriteStateAsync(StateName, GrainId.Create("provider", "bb"), next, Ct);
        Assert.Equal("2", next.ETag);
    }

    [Fact]
    public async Task A_batch_naming_a_grain_that_already_has_a_record_writes_nothing_and_leaves_that_record_alone()
    {
        var storage = CreateStorage();
        await storage.WriteStateAsync(StateName, GrainId.Create("provider", "bb"), NewState("kept", 7), Ct);

        Assert.False(await storage.TryAddAllAsync(StateName, [Entry("a"), Entry("bb"), Entry("ccc")], Ct));

        Assert.False((await ReadAsync(storage, GrainId.Create("provider", "a"))).RecordExists);
        Assert.False((await ReadAsync(storage, GrainId.Create("provider", "ccc"))).RecordExists);
        var kept = await ReadAsync(storage, GrainId.Create("provider", "bb"));
        Assert.Equal(("1", "kept", 7), (kept.ETag, kept.Value().Name, kept.Value().Count));
    }
}
