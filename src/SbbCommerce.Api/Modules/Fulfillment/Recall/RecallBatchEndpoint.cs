using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Recall;

/// <summary>A lot is recalled.</summary>
/// <param name="Reason">Why (the customers read it in the notice).</param>
internal sealed record RecallBatchRequest(string Reason);

internal sealed class RecallBatchRequestValidator : AbstractValidator<RecallBatchRequest>
{
    public RecallBatchRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000);
}

/// <summary>The recall as done.</summary>
/// <param name="BatchId">The lot.</param>
/// <param name="BatchNumber">Its number.</param>
/// <param name="Sku">The product's sku.</param>
/// <param name="ProductName">The product.</param>
/// <param name="RecalledAt">When.</param>
/// <param name="Reason">Why.</param>
/// <param name="CustomersNotified">Customers who received units and were sent a notice (one each).</param>
/// <param name="UnitsShipped">Units of the lot that left the warehouse.</param>
/// <param name="UnshippedFulfillments">Packed shipments holding units of the lot that have not left: pull them.</param>
internal sealed record RecallResponse(Guid BatchId, string BatchNumber, string Sku, string ProductName, DateTimeOffset RecalledAt, string Reason,
    int CustomersNotified, int UnitsShipped, IReadOnlyList<string> UnshippedFulfillments);

internal static class RecallBatchEndpoint
{
    public const string RecallNotice = "batch.recall_notice";

    public static RouteHandlerBuilder MapRecallBatch(this RouteGroupBuilder admin) =>
        admin.MapPost("/batches/{id:guid}/recall", HandleAsync)
            .WithName("RecallBatch")
            .WithSummary("Recall a lot: it leaves allocation and the storefront at once, and every customer who received units of it "
                + "gets one recall notice (queued with the change). Audited.")
            .WithDescription("404 `batch_not_found`; 409 `batch_already_recalled`.")
            .WithValidation<RecallBatchRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<RecallResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, RecallBatchRequest request, SbbDbContext db, IBatchRegistry batches, BatchRecipients recipients, IOutboxWriter outbox,
        IAuditWriter audit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recall = await batches.RecallAsync(id, request.Reason, cancellationToken);
        switch (recall.Outcome)
        {
            case BatchRecallOutcome.NotFound:
                return ApiProblems.NotFound(FulfillmentErrors.BatchNotFound, "No such batch.");
            case BatchRecallOutcome.AlreadyRecalled:
                return ApiProblems.Conflict(FulfillmentErrors.BatchAlreadyRecalled, "This batch was already recalled.",
                    $"Recalled at {recall.Batch!.RecalledAt:O}: {recall.Batch.RecallReason}");
        }

        var batch = recall.Batch!;
        var rows = await recipients.ReadAllAsync(id, shippedOnly: false, cancellationToken);
        var shipped = rows.Where(r => r.ShippedAt is not null).ToList();
        var customers = shipped.GroupBy(r => r.CustomerId).ToList();
        foreach (var customer in customers)
        {
            var first = customer.First();
            outbox.Enqueue(OutboxDestinations.InternalEmail, RecallNotice, new
            {
                To = first.CustomerEmail,
                first.FirstName,
                batch.ProductName,
                batch.Sku,
                batch.BatchNumber,
                Reason = request.Reason,
                OrderNumbers = customer.Select(r => r.OrderNumber).Distinct().Order(StringComparer.Ordinal).ToList(),
            }, "batch", batch.Id);
        }

        var response = new RecallResponse(batch.Id, batch.BatchNumber, batch.Sku, batch.ProductName, batch.RecalledAt!.Value, request.Reason,
            customers.Count, shipped.Sum(r => r.Quantity),
            rows.Where(r => r.ShippedAt is null).Select(r => r.FulfillmentNumber).Distinct().ToList());
        audit.Record("batch.recalled", "product_batch", batch.Id, new { RecalledAt = (DateTimeOffset?)null },
            new { batch.RecalledAt, request.Reason, response.CustomersNotified, response.UnitsShipped, response.UnshippedFulfillments });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(response);
    }
}
