namespace SbbCommerce.Api.Common.StateMachines;

/// <summary>
/// One validated status change: what every history row (order, payment attempt, fulfillment) is built from.
/// <see cref="TryCreate"/> refuses what the machine does not allow, so no history row describes a forbidden move.
/// </summary>
/// <typeparam name="TStatus">The status enum.</typeparam>
internal sealed record StatusChange<TStatus>(TStatus? From, TStatus To, string? Reason, StatusActor Actor, DateTimeOffset At)
    where TStatus : struct, Enum
{
    public static StatusChange<TStatus>? TryCreate(
        StateMachine<TStatus> machine, TStatus from, TStatus to, string? reason, StatusActor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return machine.CanMove(from, to) ? new StatusChange<TStatus>(from, to, reason, actor, at) : null;
    }

    /// <summary>The first status of a new aggregate: a history row with no "from".</summary>
    public static StatusChange<TStatus> Initial(TStatus status, string? reason, StatusActor actor, DateTimeOffset at) =>
        new(null, status, reason, actor, at);
}
