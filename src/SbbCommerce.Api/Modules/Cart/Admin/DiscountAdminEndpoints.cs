using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Paging;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Cart.Data;

namespace SbbCommerce.Api.Modules.Cart.Admin;

/// <summary>Discount codes for admins. Every change is audited; delete switches a code off (orders keep referring to it).</summary>
internal static class DiscountAdminEndpoints
{
    public static RouteGroupBuilder MapDiscountAdmin(this RouteGroupBuilder discounts)
    {
        discounts.MapGet("", ListAsync).WithName("AdminListDiscounts").WithSummary("Discount codes, newest first (keyset pages).")
            .ProducesValidationProblem();
        discounts.MapGet("/{id:guid}", GetAsync).WithName("AdminGetDiscount").WithSummary("One discount code.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        discounts.MapPost("", CreateAsync).WithName("AdminCreateDiscount").WithSummary("Create a discount code (409 when the code exists).")
            .WithValidation<DiscountRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        discounts.MapPut("/{id:guid}", UpdateAsync).WithName("AdminUpdateDiscount").WithSummary("Replace a discount's rules.")
            .WithValidation<DiscountRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        discounts.MapDelete("/{id:guid}", DeactivateAsync).WithName("AdminDeleteDiscount").WithSummary("Switch a code off (kept for order history).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return discounts;
    }

    private static async Task<Results<Ok<PagedResponse<DiscountResponse>>, ValidationProblem>> ListAsync(
        SbbDbContext db, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(limit, cursor);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = db.Set<Discount>().AsNoTracking();
        if (after is not null)
        {
            query = query.Where(d => d.CreatedAt < after.CreatedAt || (d.CreatedAt == after.CreatedAt && d.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, DiscountResponse.From, d => new CreatedIdCursor(d.CreatedAt, d.Id)));
    }

    private static async Task<Results<Ok<DiscountResponse>, ProblemHttpResult>> GetAsync(Guid id, SbbDbContext db, CancellationToken cancellationToken) =>
        await db.Set<Discount>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } discount
            ? TypedResults.Ok(DiscountResponse.From(discount))
            : NotFound();

    private static async Task<Results<Created<DiscountResponse>, ProblemHttpResult>> CreateAsync(
        DiscountRequest request, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var discount = new Discount
        {
            Id = Guid.CreateVersion7(),
            Code = request.Code.ToUpperInvariant(),
            Name = request.Name,
            DiscountType = request.DiscountType,
            CreatedAt = now,
        };
        Apply(discount, request, now);
        db.Set<Discount>().Add(discount);
        audit.Record("discount.created", "discount", discount.Id, null, DiscountResponse.From(discount));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation("discounts_code_unique"))
        {
            return CodeTaken();
        }

        return TypedResults.Created($"/api/v1/admin/discounts/{discount.Id}", DiscountResponse.From(discount));
    }

    private static async Task<Results<Ok<DiscountResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, DiscountRequest request, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var discount = await db.Set<Discount>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (discount is null)
        {
            return NotFound();
        }

        var before = DiscountResponse.From(discount);
        discount.Code = request.Code.ToUpperInvariant();
        discount.Name = request.Name;
        discount.DiscountType = request.DiscountType;
        Apply(discount, request, timeProvider.GetUtcNow());
        audit.Record("discount.updated", "discount", discount.Id, before, DiscountResponse.From(discount));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation("discounts_code_unique"))
        {
            return CodeTaken();
        }

        return TypedResults.Ok(DiscountResponse.From(discount));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeactivateAsync(
        Guid id, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var discount = await db.Set<Discount>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (discount is null)
        {
            return NotFound();
        }

        audit.Record("discount.deactivated", "discount", discount.Id, new { discount.IsActive }, new { IsActive = false });
        discount.IsActive = false;
        discount.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static void Apply(Discount discount, DiscountRequest request, DateTimeOffset now)
    {
        discount.Value = request.Value;
        discount.MinimumOrderCents = request.MinimumOrderCents;
        discount.MaximumDiscountCents = request.MaximumDiscountCents;
        discount.UsageLimit = request.UsageLimit;
        discount.UsageLimitPerUser = request.UsageLimitPerUser;
        discount.StartsAt = request.StartsAt ?? (discount.StartsAt == default ? now : discount.StartsAt);
        discount.ExpiresAt = request.ExpiresAt;
        discount.ProductIds = request.ProductIds is { Length: > 0 } products ? products : null;
        discount.UserIds = request.UserIds is { Length: > 0 } users ? users : null;
        discount.FirstOrderOnly = request.FirstOrderOnly;
        discount.IsActive = request.IsActive;
        discount.UpdatedAt = now;
    }

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound(CartErrors.DiscountNotFound, "Discount not found.");

    private static ProblemHttpResult CodeTaken() => ApiProblems.Conflict(CartErrors.DiscountCodeTaken, "A discount with this code exists.");
}
