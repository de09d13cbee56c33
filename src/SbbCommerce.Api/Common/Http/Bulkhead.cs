using System.Threading.RateLimiting;

namespace SbbCommerce.Api.Common.Http;

/// <summary>
/// A first-in-first-out bulkhead for expensive routes (checkout). In a flash sale thousands of buyers press the
/// button at once; on two cores, letting them all work at the same time shares the CPU so evenly that every answer
/// arrives at the very end. Letting a few work at a time, in arrival order, answers the first buyers first and
/// lets the later ones meet the sold-out stock with the cheap refusal. Not a rate limit: nobody is turned away
/// unless the queue itself is full (503, Retry-After).
/// </summary>
internal sealed class Bulkhead(int permits, int queueLimit) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = permits,
        QueueLimit = queueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public ValueTask<object?> RunAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        RunAsync(context, next, static () => null, CancellationToken.None);

    /// <summary>
    /// Like <see cref="RunAsync(EndpointFilterInvocationContext, EndpointFilterDelegate)"/>, but a request still
    /// waiting for its turn when <paramref name="stopWaiting"/> fires leaves the queue with
    /// <paramref name="whenStopped"/>'s answer (a checkout whose product sold out meanwhile need not wait behind the winners).
    /// </summary>
    public async ValueTask<object?> RunAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, Func<object?> whenStopped, CancellationToken stopWaiting)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(whenStopped);
        var aborted = context.HttpContext.RequestAborted;
        RateLimitLease lease;
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopWaiting))
        {
            try
            {
                lease = await _limiter.AcquireAsync(1, waiting.Token);
            }
            catch (OperationCanceledException) when (stopWaiting.IsCancellationRequested && !aborted.IsCancellationRequested)
            {
                return whenStopped();
            }
        }

        using var held = lease;
        if (!lease.IsAcquired)
        {
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "busy", "Too many requests are waiting; retry in a moment.");
        }

        return await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>The checkout bulkhead (one per host); the Orders module sizes it from its options.</summary>
internal sealed class CheckoutBulkhead(int permits, int queueLimit) : IEndpointFilter, IDisposable
{
    private readonly Bulkhead _bulkhead = new(Math.Max(1, permits), Math.Max(0, queueLimit));

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) => _bulkhead.RunAsync(context, next);

    /// <inheritdoc cref="Bulkhead.RunAsync(EndpointFilterInvocationContext, EndpointFilterDelegate, Func{object?}, CancellationToken)"/>
    public ValueTask<object?> RunAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, Func<object?> whenStopped, CancellationToken stopWaiting) =>
        _bulkhead.RunAsync(context, next, whenStopped, stopWaiting);

    public void Dispose() => _bulkhead.Dispose();
}
