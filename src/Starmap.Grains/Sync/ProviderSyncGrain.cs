using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Starmap.Catalog;

namespace Starmap.Grains;

/// <summary>
/// One provider's syncs and schedule. Non-reentrant, so two sync requests for one provider run one
/// after the other; status reads interleave. The fetch happens here, outside the provider grain.
/// </summary>
[GrainType(GrainTypes.ProviderSync)]
internal sealed class ProviderSyncGrain(
    [PersistentState("sync", StorageNames.Catalog)] IPersistentState<ProviderSyncState> state,
    ISyncEngine engine,
    StarmapMetrics metrics,
    IOptions<ReminderOptions> reminders,
    ILogger<ProviderSyncGrain> logger) : Grain, IProviderSyncGrain, IRemindable
{
    internal const string ReminderName = "sync";

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        IdRules.ValidateProviderId(Id, "provider key");
        return Task.CompletedTask;
    }

    public async Task<SyncResult> SyncAsync(SyncRequest request)
    {
        request ??= new SyncRequest();
        using var scope = logger.BeginScope("provider {ProviderId}", Id);
        var result = await engine.RunAsync(Id, request, CancellationToken.None);
        metrics.RecordSync(result);
        logger.LogInformation("Sync of {ProviderId} ({Trigger}): {Status}, {Changes} changes{Reason}",
            Id, request.Trigger ?? "call", result.Status, result.Changes.Count, result.Reason is null ? "" : ": " + result.Reason);
        var outcome = SyncOutcome.From(result) with { Trigger = request.Trigger };
        await state.WriteOrRollbackAsync(state.State with { LastOutcome = outcome }, this);
        return result;
    }

    public Task<SyncOutcome?> GetLastOutcomeAsync() => Task.FromResult(state.State.LastOutcome);

    public Task<SyncSchedule> GetScheduleAsync() => Task.FromResult(Schedule());

    public async Task<SyncSchedule> SetScheduleAsync(TimeSpan interval)
    {
        var minimum = reminders.Value.MinimumReminderPeriod;
        if (interval < minimum)
        {
            throw new StarmapValidationException("interval", interval.ToString(), $"must be at least {minimum}");
        }
        if (interval > SyncSchedule.MaximumInterval)
        {
            throw new StarmapValidationException("interval", interval.ToString(), $"must be at most {SyncSchedule.MaximumInterval} (30 days)");
        }
        await this.RegisterOrUpdateReminder(ReminderName, interval, interval);
        await state.WriteOrRollbackAsync(state.State with { Interval = interval, Enabled = true }, this);
        return Schedule();
    }

    public async Task<SyncSchedule> RemoveScheduleAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        await state.WriteOrRollbackAsync(state.State with { Enabled = false }, this);
        return Schedule();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }
        try
        {
            await SyncAsync(new SyncRequest { Trigger = "schedule" });
        }
        catch (Exception ex)
        {
            // A scheduled run must not kill the reminder; the next tick tries again.
            logger.LogError(ex, "Scheduled sync of {ProviderId} failed", Id);
        }
    }

    private SyncSchedule Schedule() => new()
    {
        ProviderId = Id,
        Enabled = state.State.Enabled,
        Interval = state.State.Interval,
        LastOutcome = state.State.LastOutcome,
    };
}
