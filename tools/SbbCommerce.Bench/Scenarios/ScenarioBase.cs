using System.Net;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Running;

namespace SbbCommerce.Bench.Scenarios;

/// <summary>Defaults for the optional hooks, so a simple scenario is a name, a set-up and a request.</summary>
internal abstract class ScenarioBase : IScenario
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public Uri? Target { get; protected set; }

    public virtual BenchOptions Configure(BenchOptions options) => options;

    public abstract Task SetUpAsync(BenchContext context, CancellationToken cancellationToken);

    public abstract HttpRequestMessage CreateRequest(int workerIndex, long iteration);

    public virtual bool IsExpected(HttpStatusCode statusCode) => (int)statusCode is >= 200 and <= 299;

    public virtual ValueTask OnResponseAsync(int workerIndex, HttpResponseMessage response, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    public virtual Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken) =>
        Task.FromResult(Verification.NotApplicable);

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what <see cref="SetUpAsync"/> started (servers, connections).</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
