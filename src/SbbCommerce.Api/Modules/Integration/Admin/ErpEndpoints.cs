using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Integration.Outbox;

namespace SbbCommerce.Api.Modules.Integration.Admin;

/// <summary>Is the ERP in step? Counts, oldest waiting message, dead letters, last success; and re-sending one record.</summary>
internal static class ErpEndpoints
{
    public static RouteGroupBuilder MapErpAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/erp/status", StatusAsync).WithName("AdminErpStatus")
            .WithSummary("Outbox health per destination: counts per status, oldest pending age, dead letters, last success, and whether "
                + "the ERP and email are configured.");
        admin.MapPost("/erp/resync", ResyncAsync).WithName("AdminErpResync")
            .WithSummary("Send one record to the ERP again (customer, item, order, payment, refund): clears its erp_synced_at and queues "
                + "its message in the outbox. Audited.")
            .WithDescription("400 `validation_failed` for an unknown entityType; 404 `erp_entity_not_found` when there is no such record "
                + "or nothing to send yet (an unpaid order, a payment not completed).")
            .WithValidation<ErpResyncRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Ok<ErpStatusResponse>> StatusAsync(OutboxStatusReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ReadAsync(cancellationToken));

    private static async Task<Results<Accepted<ErpResyncResponse>, ValidationProblem, ProblemHttpResult>> ResyncAsync(
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

/// <summary>Which record to send to the ERP again.</summary>
/// <param name="EntityType"><c>customer</c>, <c>item</c>, <c>order</c>, <c>payment</c> or <c>refund</c>.</param>
/// <param name="EntityId">Its id.</param>
internal sealed record ErpResyncRequest(string EntityType, Guid EntityId);

/// <summary>The record whose sync was queued.</summary>
internal sealed record ErpResyncResponse(string EntityType, Guid EntityId, bool Queued);

internal sealed class ErpResyncRequestValidator : AbstractValidator<ErpResyncRequest>
{
    public ErpResyncRequestValidator()
    {
        RuleFor(r => r.EntityType).NotEmpty().MaximumLength(50);
        RuleFor(r => r.EntityId).NotEmpty();
    }
}
