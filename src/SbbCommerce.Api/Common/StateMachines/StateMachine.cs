using System.Collections.Frozen;

namespace SbbCommerce.Api.Common.StateMachines;

/// <summary>
/// A table of allowed status transitions, written once per aggregate (orders, payments, fulfillments) and tested
/// on its own. Anything not listed is refused.
/// </summary>
/// <typeparam name="TStatus">The status enum.</typeparam>
internal sealed class StateMachine<TStatus>
    where TStatus : struct, Enum
{
    private readonly FrozenDictionary<TStatus, FrozenSet<TStatus>> _allowed;

    public StateMachine(IReadOnlyDictionary<TStatus, TStatus[]> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        _allowed = allowed.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenSet());
    }

    public bool CanMove(TStatus from, TStatus to) => _allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public IReadOnlySet<TStatus> NextOf(TStatus from) =>
        _allowed.TryGetValue(from, out var targets) ? targets : FrozenSet<TStatus>.Empty;

    public bool IsTerminal(TStatus status) => NextOf(status).Count == 0;
}
