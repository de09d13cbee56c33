using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Json;
using SbbCommerce.Api.Common.OpenApi;
using SbbCommerce.Api.Common.Paging;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.StateMachines;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Customer;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.StateMachine;
using SbbCommerce.Api.Modules.Orders.Views;

namespace SbbCommerce.Api.Modules.Orders.Admin;

internal static class AdminOrderEndpoints
{
    public static RouteGroupBuilder MapAdminOrders(this RouteGroupBuilder admin)
    {
        admin.MapGet("/orders", SearchAsync).WithName("AdminSearchOrders")
            .WithSummary("Orders by status, creation date range (from, to) and q (order number or customer email prefix); keyset pages.")
            .ProducesValidationProblem();
        admin.MapGet("/orders/{id:guid}", GetAsync).WithName("AdminGetOrder").WithSummary("An order with lines, payments and history.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/orders/{id:guid}/status", ChangeStatusAsync).WithName("AdminChangeOrderStatus")
            .WithSummary("Move an order along the state machine (422 invalid_transition otherwise). For partially_refunded orders, " +
                "processing/ready_to_ship/shipped/delivered advance fulfillmentProgress. Audited.")
            .WithValidation<ChangeOrderStatusRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPatch("/orders/{id:guid}/notes", NotesAsync).WithName("AdminOrderNotes").WithSummary("Set internal notes. Audited.")
            .WithValidation<OrderNotesRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Results<Ok<PagedResponse<OrderSummary>>, ValidationProblem>> SearchAsync(
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

        if (after is not null)
        {
            query = query.Where(o => o.CreatedAt < after.CreatedAt || (o.CreatedAt == after.CreatedAt && o.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(page.Limit + 1)
            .Select(o => new OrderSummary(o.Id, o.OrderNumber, o.Status, o.TotalCents, o.AmountPaidCents,
                db.Set<OrderItem>().Where(i => i.OrderId == o.Id).Sum(i => i.Quantity), o.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, row => row, row => new CreatedIdCursor(row.CreatedAt, row.Id)));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetAsync(
        Guid id, SbbDbContext db, OrderReader reader, CancellationToken cancellationToken) =>
        await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is { } order
            ? TypedResults.Ok(await reader.ReadAsync(order, cancellationToken))
            : NotFound();

    /// <summary>The order row is locked for the change: two admins moving one order apply one after the other.</summary>
    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, ChangeOrderStatusRequest request, ICurrentUser currentUser, SbbDbContext db, OrderTransitions transitions, OrderReader reader,
        IAuditWriter audit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Set<Order>().FromSqlInterpolated($"SELECT *, xmin FROM orders WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (request.ToStatus is OrderStatus.Shipped or OrderStatus.Delivered)
        {
            // A shipment is a fact with lots, stock and tracking: only the fulfilment routes record it.
            return ApiProblems.Unprocessable(OrdersErrors.InvalidTransition,
                $"An order becomes {SnakeCaseEnum.Label(request.ToStatus)} only through its fulfilments.",
                "Use POST /api/v1/admin/orders/{id}/fulfillments, then POST /api/v1/admin/fulfillments/{id}/ship and /deliver.",
                new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["currentStatus"] = order.Status,
                    ["toStatus"] = request.ToStatus,
                    ["fulfillmentRoutes"] = new[]
                    {
                        $"/api/v1/admin/orders/{order.Id}/fulfillments", "/api/v1/admin/fulfillments/{id}/ship", "/api/v1/admin/fulfillments/{id}/deliver",
                    },
                });
        }

        var before = new { order.Status, order.FulfillmentProgress };
        if (!await transitions.MoveAsync(order, request.ToStatus, request.Reason, StatusActor.Admin(currentUser.UserId!.Value), cancellationToken))
        {
            return ApiProblems.Unprocessable(OrdersErrors.InvalidTransition,
                $"An order cannot go from {SnakeCaseEnum.Label(order.Status)} to {SnakeCaseEnum.Label(request.ToStatus)}.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentStatus"] = order.Status, ["toStatus"] = request.ToStatus });
        }

        audit.Record("order.status_changed", "order", order.Id, before, new { order.Status, order.FulfillmentProgress, request.Reason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await reader.ReadAsync(order, cancellationToken));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> NotesAsync(
        Guid id, OrderNotesRequest request, SbbDbContext db, OrderReader reader, IAuditWriter audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        audit.Record("order.notes_changed", "order", order.Id, new { order.InternalNotes }, new { request.InternalNotes });
        order.InternalNotes = request.InternalNotes;
        order.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await reader.ReadAsync(order, cancellationToken));
    }

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound(OrdersErrors.OrderNotFound, "Order not found.");
}
