using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Paging;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

internal static class BatchRecipientsEndpoint
{
    public static RouteGroupBuilder MapBatchRecipients(this RouteGroupBuilder admin)
    {
        admin.MapGet("/batches/{id:guid}/recipients", HandleAsync)
            .WithName("ListBatchRecipients")
            .WithSummary("Recall: every order, customer and fulfillment that received units of the batch (or has units allocated to it), oldest order first.")
            .WithDescription("404 `batch_not_found`; 400 `invalid_cursor`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Results<Ok<PagedResponse<BatchRecipientResponse>>, ProblemHttpResult>> HandleAsync(
        Guid id, int? limit, string? cursor, SbbDbContext db, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(limit, cursor);
        RecipientCursor? after = null;
        if (page.Cursor is not null && !KeysetCursor.TryDecode(page.Cursor, out after))
        {
            return ApiProblems.BadRequest(ErrorCodes.InvalidCursor, "The cursor is not valid.");
        }

        var batch = await db.Set<ProductBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return BatchResponse.NotFound();
        }

        var rows = await BatchRecipients.ReadAsync(db, batch, after, page.Limit + 1, cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, row => row.ToResponse(), row => new RecipientCursor(row.OrderedAt, row.LineId)));
    }
}
