using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Integration.ErpResync;

/// <summary>Re-sending one record to the ERP; the module that owns the record queues its message.</summary>
internal static class ErpResyncEndpoint
{
    public static RouteHandlerBuilder MapErpResync(this RouteGroupBuilder admin) =>
        admin.MapPost("/erp/resync", HandleAsync).WithName("AdminErpResync")
            .WithSummary("Send one record to the ERP again (customer, item, order, payment, refund): clears its erp_synced_at and queues "
                + "its message in the outbox. Audited.")
            .WithDescription("400 `validation_failed` for an unknown entityType; 404 `erp_entity_not_found` when there is no such record "
                + "or nothing to send yet (an unpaid order, a payment not completed).")
            .WithValidation<ErpResyncRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Accepted<ErpResyncResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ErpResyncRequest request, IEnumerable<IErpResync> owners, SbbDbContext db, IAuditWriter audit, CancellationToken cancellationToken)
    {
        var all = owners.ToList();
        var owner = all.FirstOrDefault(o => o.EntityTypes.Contains(request.EntityType));
        if (owner is null)
        {
            var known = string.Join(", ", all.SelectMany(o => o.EntityTypes).Order(StringComparer.Ordinal));
            return ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["entityType"] = [$"One of {known}."] });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await owner.ResyncAsync(request.EntityType, request.EntityId, cancellationToken))
        {
            return ApiProblems.NotFound(IntegrationErrors.ErpEntityNotFound, $"No {request.EntityType} {request.EntityId} to send to the ERP.");
        }

        audit.Record("erp.resync_requested", request.EntityType, request.EntityId, null, new { request.EntityType, request.EntityId });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new ErpResyncResponse(request.EntityType, request.EntityId, Queued: true));
    }
}
