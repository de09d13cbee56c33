using SbbCommerce.Bench.Running;

namespace SbbCommerce.Bench.Scenarios;

/// <summary>
/// A scenario whose work is not HTTP requests from the bench's workers but something it waits for (the host draining
/// its outbox), so it times itself: <see cref="MeasureAsync"/> replaces the load runner after set-up. Its baseline
/// is its own, measured in the same run, because the generic HTTP baseline (req/s of a one-row read) is a different
/// unit and would make a meaningless ratio.
/// </summary>
internal interface ISelfTimedScenario
{
    /// <summary>Runs and measures the workload; figures go to <c>context.Figures</c>.</summary>
    Task<RunResult> MeasureAsync(BenchContext context, CancellationToken cancellationToken);

    /// <summary>False for a scenario that is itself another's baseline (checkout-raw): nothing is measured after it.</summary>
    bool MeasuresOwnBaseline => true;

    /// <summary>Measures the scenario's own baseline (in the same units) after the scenario and its verification.</summary>
    Task<RunResult> MeasureBaselineAsync(BenchContext context, CancellationToken cancellationToken);
}
