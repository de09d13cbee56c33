using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.Views;

namespace SbbCommerce.Api.Modules.Orders.SearchOrders;

internal static class SearchOrdersEndpoint
{
    public static RouteHandlerBuilder MapSearchOrders(this RouteGroupBuilder admin) =>
        admin.MapGet("/orders", HandleAsync).WithName("AdminSearchOrders")
            .WithSummary("Orders by status, creation date range (from, to) and q (order number or customer email prefix); keyset pages.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PagedResponse<OrderSummary>>, ValidationProblem>> HandleAsync(
        SbbDbContext db, [SchemaValues(typeof(OrderStatus))] string? status, DateTimeOffset? from, DateTimeOffset? to, string? q, int? limit, string? cursor,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        OrderStatus? statusFilter = null;
        if (status is not null)
        {
            statusFilter = SnakeCaseEnum.TryParse<OrderStatus>(status, out var parsed) ? parsed : null;
            if (statusFilter is null)
            {
                errors["status"] = ["Unknown status."];
            }
        }

        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = db.Set<Order>().AsNoTracking();
        query = statusFilter is { } wanted ? query.Where(o => o.Status == wanted) : query;
        // timestamptz parameters must be UTC: a client may send any offset.
        query = from?.ToUniversalTime() is { } start ? query.Where(o => o.CreatedAt >= start) : query;
        query = to?.ToUniversalTime() is { } end ? query.Where(o => o.CreatedAt < end) : query;
        if (!string.IsNullOrWhiteSpace(q))
        {
            var orderNumber = q.Trim().ToUpperInvariant();
            var emailPrefix = LikePatterns.Prefix(q.Trim().ToLowerInvariant());
            query = query.Where(o => o.OrderNumber == orderNumber || EF.Functions.Like(o.CustomerEmail, emailPrefix));
        }

        return TypedResults.Ok(await OrderList.PageAsync(db, query, page, after, cancellationToken));
    }
}
