using System.Threading.RateLimiting;
using SbbCommerce.Api.Common.Problems;

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

    public async ValueTask<object?> RunAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = await _limiter.AcquireAsync(1, context.HttpContext.RequestAborted);
        if (!lease.IsAcquired)
        {
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "busy", "Too many requests are waiting; retry in a moment.");
        }

        return await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>The checkout bulkhead (one per host), sized by <c>Orders:CheckoutConcurrency</c>.</summary>
internal sealed class CheckoutBulkhead(IConfiguration configuration) : IEndpointFilter, IDisposable
{
    private readonly Bulkhead _bulkhead = new(
        Math.Max(1, configuration.GetValue("Orders:CheckoutConcurrency", 8 * Environment.ProcessorCount)),
        Math.Max(0, configuration.GetValue("Orders:CheckoutQueueLimit", 10_000)));

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) => _bulkhead.RunAsync(context, next);

    public void Dispose() => _bulkhead.Dispose();
}
