using Starmap.Catalog;

namespace Starmap.Catalog.Tests;

/// <summary>The one timestamp rule every offering write follows (<see cref="RecordTimestamps"/>).</summary>
public sealed class RecordTimestampsTests
{
    private static readonly DateTimeOffset First = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static Offering Offering(decimal input = 1m) => new()
    {
        ProviderId = "acme",
        ModelId = "m",
        Pricing = new ModelPricing { Tokens = new TokenPrices { Input = input } },
    };

    [Fact]
    public void A_new_offering_is_first_seen_and_updated_now()
    {
        var stamped = RecordTimestamps.Stamp(null, Offering(), First);
        Assert.Equal((First, First), (stamped.CreatedAt, stamped.UpdatedAt));
    }

    [Fact]
    public void A_new_offering_that_states_when_it_was_created_keeps_that_time()
    {
        var stated = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var stamped = RecordTimestamps.Stamp(null, Offering() with { CreatedAt = stated }, First);
        Assert.Equal((stated, First), (stamped.CreatedAt, stamped.UpdatedAt));
    }

    [Fact]
    public void An_unchanged_write_gives_back_the_stored_record_times_and_all()
    {
        var stored = RecordTimestamps.Stamp(null, Offering(), First);
        Assert.Same(stored, RecordTimestamps.Stamp(stored, Offering(), Later));
        // Times the incoming record states are not content: unchanged still.
        Assert.Same(stored, RecordTimestamps.Stamp(stored, Offering() with { CreatedAt = Later, UpdatedAt = Later }, Later));
    }

    [Fact]
    public void A_real_change_moves_the_update_time_and_keeps_the_creation_time()
    {
        var stored = RecordTimestamps.Stamp(null, Offering(), First);
        var changed = RecordTimestamps.Stamp(stored, Offering(input: 2m), Later);
        Assert.Equal((First, Later), (changed.CreatedAt, changed.UpdatedAt));
    }

    [Fact]
    public void A_stored_record_whose_creation_time_is_unknown_keeps_it_unknown()
    {
        var stored = Offering() with { UpdatedAt = First };
        var changed = RecordTimestamps.Stamp(stored, Offering(input: 2m), Later);
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)Later), (changed.CreatedAt, changed.UpdatedAt));
    }

    [Fact]
    public void The_caller_may_decide_what_counts_as_a_change()
    {
        var stored = RecordTimestamps.Stamp(null, Offering(), First);
        var sameContent = RecordTimestamps.Stamp(stored, Offering(input: 2m), Later, changed: false);
        Assert.Equal((First, First), (sameContent.CreatedAt, sameContent.UpdatedAt));
        var forced = RecordTimestamps.Stamp(stored, Offering(), Later, changed: true);
        Assert.Equal((First, Later), (forced.CreatedAt, forced.UpdatedAt));
    }

    [Fact]
    public void A_replace_keeps_the_times_it_states_and_stamps_a_record_stating_neither()
    {
        var stored = RecordTimestamps.Stamp(null, Offering(), First);
        var imported = Offering(input: 3m) with { CreatedAt = null, UpdatedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        Assert.Same(imported, RecordTimestamps.Restamp(stored, imported, Later));

        var bare = RecordTimestamps.Restamp(stored, Offering(input: 3m), Later);
        Assert.Equal((First, Later), (bare.CreatedAt, bare.UpdatedAt));
        Assert.Same(stored, RecordTimestamps.Restamp(stored, Offering(), Later));
    }
}
