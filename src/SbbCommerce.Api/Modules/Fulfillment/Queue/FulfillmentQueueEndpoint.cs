using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Queue;

/// <summary>A paid order with units left to ship.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="Status">Its status.</param>
/// <param name="CustomerName">The name on the order.</param>
/// <param name="PaidAt">When it was paid (the queue's order).</param>
/// <param name="Lines">Its lines with units left.</param>
internal sealed record QueueOrderResponse(Guid OrderId, string OrderNumber, OrderStatus Status, string CustomerName, DateTimeOffset? PaidAt,
    IReadOnlyList<QueueLineResponse> Lines);

/// <summary>A line with units left to fulfil and the lots first-expiring-first-out would draw them from now.</summary>
/// <param name="OrderItemId">The order line.</param>
/// <param name="Sku">Product sku.</param>
/// <param name="Name">Product name.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="QuantityFulfilled">Units in fulfilments.</param>
/// <param name="QuantityRefunded">Units refunded.</param>
/// <param name="QuantityLeft">Units still to fulfil.</param>
/// <param name="Batches">The lots FEFO would pick (empty when the eligible lots hold too few units).</param>
internal sealed record QueueLineResponse(Guid OrderItemId, string Sku, string Name, int Quantity, int QuantityFulfilled, int QuantityRefunded,
    int QuantityLeft, IReadOnlyList<QueueBatchResponse> Batches);

/// <summary>Units from one lot.</summary>
/// <param name="BatchId">The lot.</param>
/// <param name="BatchNumber">Its number.</param>
/// <param name="Quantity">Units it would give.</param>
/// <param name="ExpiresAt">Its expiry.</param>
internal sealed record QueueBatchResponse(Guid BatchId, string BatchNumber, int Quantity, DateOnly ExpiresAt);

/// <summary>Keyset of the queue: paid at, then order id.</summary>
/// <param name="PaidAt">Paid at of the last order seen.</param>
/// <param name="Id">Its id.</param>
internal sealed record QueueCursor(DateTimeOffset PaidAt, Guid Id);

internal static class FulfillmentQueueEndpoint
{
    public static RouteHandlerBuilder MapFulfillmentQueue(this RouteGroupBuilder admin) =>
        admin.MapGet("/fulfillments/queue", HandleAsync)
            .WithName("FulfillmentQueue")
            .WithSummary("Paid orders with units left to ship, oldest paid first (keyset pages), each line with the lots "
                + "first-expiring-first-out would pick now.")
            .WithDescription("400 `invalid_cursor`.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<PagedResponse<QueueOrderResponse>>, ProblemHttpResult>> HandleAsync(
        int? limit, string? cursor, IOrderFulfillment orders, IBatchAllocator allocator, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(limit, cursor);
        if (!page.TryReadCursor(out QueueCursor? after))
        {
            return ApiProblems.InvalidCursor();
        }

        var rows = await orders.QueueAsync(after?.PaidAt, after?.Id, page.Limit + 1, cancellationToken);
        var items = new List<QueueOrderResponse>();
        foreach (var order in rows.Take(page.Limit))
        {
            var lines = new List<QueueLineResponse>();
            foreach (var line in order.Lines.Where(l => l.Open > 0))
            {
                var plan = await allocator.PreviewAsync(line.ProductId, line.Open, cancellationToken) ?? [];
                lines.Add(new QueueLineResponse(line.Id, line.Sku, line.Name, line.Quantity, line.QuantityFulfilled, line.QuantityRefunded, line.Open,
                    plan.Select(p => new QueueBatchResponse(p.BatchId, p.BatchNumber, p.Quantity, p.ExpiresAt)).ToList()));
            }

            items.Add(new QueueOrderResponse(order.Id, order.OrderNumber, order.Status, order.CustomerName, order.PaidAt, lines));
        }

        var next = rows.Count > page.Limit ? KeysetCursor.Encode(new QueueCursor(rows[page.Limit - 1].PaidAt!.Value, rows[page.Limit - 1].Id)) : null;
        return TypedResults.Ok(new PagedResponse<QueueOrderResponse>(items, next));
    }
}
