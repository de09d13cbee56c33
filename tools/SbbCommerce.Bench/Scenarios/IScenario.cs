using System.Net;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Running;

namespace SbbCommerce.Bench.Scenarios;

/// <summary>
/// One workload. The driver calls <see cref="Configure"/> once on a throwaway instance before anything runs, then on
/// the instance that runs: <see cref="SetUpAsync"/> once, <see cref="CreateRequest"/> (and
/// <see cref="OnResponseAsync"/>) from every worker concurrently, <see cref="VerifyAsync"/> once, then DisposeAsync.
/// Constructors must do no work: the registry creates scenarios only to run them.
/// Derive from <see cref="ScenarioBase"/> rather than implementing this directly.
/// </summary>
internal interface IScenario : IAsyncDisposable
{
    /// <summary>The command-line name, e.g. "checkout".</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>What the requests go to, for the report; known after <see cref="SetUpAsync"/>.</summary>
    Uri? Target { get; }

    /// <summary>
    /// Adjusts the command line's settings to what the workload needs before anything runs (a buyer checks out once,
    /// so checkout runs by count with no timed warm-up); the result applies to the whole invocation, the baseline
    /// included (which keeps the command line's warm-up), and is what the report shows. Must do no I/O; throws
    /// <see cref="UsageException"/> for settings the scenario cannot honour.
    /// </summary>
    BenchOptions Configure(BenchOptions options);

    /// <summary>Prepares data and state through the API (context.Http) or the database (context.Database).</summary>
    Task SetUpAsync(BenchContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Builds one request; called concurrently, so it must be thread-safe. The iteration counts per worker from 0
    /// (warm-up included); (workerIndex, iteration) is unique within a run.
    /// </summary>
    HttpRequestMessage CreateRequest(int workerIndex, long iteration);

    /// <summary>Whether a status code is a success for this scenario (a sold-out 409 can be, in a flash sale).</summary>
    bool IsExpected(HttpStatusCode statusCode);

    /// <summary>Sees each response (body already buffered, readable); called concurrently and inside the timing.</summary>
    ValueTask OnResponseAsync(int workerIndex, HttpResponseMessage response, CancellationToken cancellationToken);

    /// <summary>Checks the outcome after the run (e.g. rows in the database) and may add figures.</summary>
    Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken);
}
