using SbbCommerce.Api.Modules.Cart.Contracts;

namespace SbbCommerce.Api.Modules.Orders.Checkout;

/// <summary>
/// Checkout's turn in the <see cref="CheckoutBulkhead"/>, with the <see cref="SoldOutGate"/> in front of the queue
/// and beside it: in a flash sale two thousand buyers arrive at once and queue behind the few working; a buyer whose
/// product this host already knows is sold out is refused before queueing, and one still waiting when it sells out
/// leaves the queue at that moment, so the sold-out answer never waits behind the winners. Only ever refuses
/// sooner (the gate's memory is short); everything else is the handler's, the database deciding.
/// Runs after the idempotency middleware, so a refusal here is stored and replayed like any other answer.
/// </summary>
internal static class SoldOutQueue
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        // Marked from arrival to answer, waiting included: the event writers step aside while checkouts are at work.
        using var foreground = services.GetRequiredService<ForegroundWork>().Enter();
        var bulkhead = services.GetRequiredService<CheckoutBulkhead>();
        if (services.GetRequiredService<ICurrentUser>().UserId is not { } userId)
        {
            return await bulkhead.InvokeAsync(context, next);
        }

        // One light query (the cart and its lines; the handler reuses them, so it costs no extra round trip).
        var gate = services.GetRequiredService<SoldOutGate>();
        var productIds = await services.GetRequiredService<ICartCheckout>().ProductIdsAsync(userId, context.HttpContext.RequestAborted);
        if (gate.SoldOut(productIds) is { Count: > 0 } gone)
        {
            return Refusal(gone);
        }

        if (productIds.Count == 0)
        {
            return await bulkhead.InvokeAsync(context, next);
        }

        using var soldOutWhileWaiting = CancellationTokenSource.CreateLinkedTokenSource(productIds.Select(gate.SignalWhenSoldOut).ToArray());
        return await bulkhead.RunAsync(context, next, () => Refusal(gate.SoldOut(productIds)), soldOutWhileWaiting.Token);
    }

    /// <summary>The answer to a checkout of products this host recently found sold out (422 insufficient_stock).</summary>
    public static ProblemHttpResult Refusal(IReadOnlyList<Guid> soldOut) =>
        CheckoutRules.Refuse(OrdersErrors.InsufficientStock, "Not enough stock for some products.",
            ("shortages", soldOut.Select(id => new { ProductId = id, Available = 0 }).ToList()));
}
