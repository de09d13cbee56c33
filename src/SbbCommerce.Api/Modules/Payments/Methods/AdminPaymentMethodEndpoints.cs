using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Methods;

/// <summary>Payment methods for admins; every change audited. Delete switches a method off (payments keep pointing at it).</summary>
internal static class AdminPaymentMethodEndpoints
{
    public static RouteGroupBuilder MapAdminPaymentMethods(this RouteGroupBuilder admin)
    {
        admin.MapGet("/payment-methods", ListAsync).WithName("AdminListPaymentMethods").WithSummary("Every payment method, active or not.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapGet("/payment-methods/{id:guid}", GetAsync).WithName("AdminGetPaymentMethod").WithSummary("One payment method.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/payment-methods", CreateAsync).WithName("AdminCreatePaymentMethod").WithSummary("Add a payment method.")
            .WithValidation<PaymentMethodRequest>();
        admin.MapPut("/payment-methods/{id:guid}", UpdateAsync).WithName("AdminUpdatePaymentMethod").WithSummary("Replace a payment method.")
            .WithValidation<PaymentMethodRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/payment-methods/{id:guid}", DeactivateAsync).WithName("AdminDeletePaymentMethod").WithSummary("Switch a method off.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Ok<List<PaymentMethodAdminResponse>>> ListAsync(SbbDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Set<PaymentMethod>().AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Name).ToListAsync(cancellationToken))
            .Select(PaymentMethodAdminResponse.From).ToList());

    private static async Task<Results<Ok<PaymentMethodAdminResponse>, ProblemHttpResult>> GetAsync(Guid id, SbbDbContext db, CancellationToken cancellationToken) =>
        await db.Set<PaymentMethod>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } method
            ? TypedResults.Ok(PaymentMethodAdminResponse.From(method))
            : NotFound();

    private static async Task<Created<PaymentMethodAdminResponse>> CreateAsync(
        PaymentMethodRequest request, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var method = new PaymentMethod { Id = Guid.CreateVersion7(), Name = request.Name, Instructions = request.Instructions, PaymentDetails = "{}", CreatedAt = now };
        Apply(method, request, now);
        db.Set<PaymentMethod>().Add(method);
        audit.Record("payment_method.created", "payment_method", method.Id, null, PaymentMethodAdminResponse.From(method));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/admin/payment-methods/{method.Id}", PaymentMethodAdminResponse.From(method));
    }

    private static async Task<Results<Ok<PaymentMethodAdminResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, PaymentMethodRequest request, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var method = await db.Set<PaymentMethod>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (method is null)
        {
            return NotFound();
        }

        var before = PaymentMethodAdminResponse.From(method);
        Apply(method, request, timeProvider.GetUtcNow());
        audit.Record("payment_method.updated", "payment_method", method.Id, before, PaymentMethodAdminResponse.From(method));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PaymentMethodAdminResponse.From(method));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeactivateAsync(
        Guid id, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var method = await db.Set<PaymentMethod>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (method is null)
        {
            return NotFound();
        }

        audit.Record("payment_method.deactivated", "payment_method", method.Id, new { method.IsActive }, new { IsActive = false });
        method.IsActive = false;
        method.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static void Apply(PaymentMethod method, PaymentMethodRequest request, DateTimeOffset now)
    {
        method.MethodType = request.MethodType;
        method.Name = request.Name;
        method.Instructions = request.Instructions;
        method.PaymentDetails = request.Details.GetRawText();
        method.MinAmountCents = request.MinAmountCents;
        method.MaxAmountCents = request.MaxAmountCents;
        method.ConfirmationWindowHours = request.ConfirmationWindowHours;
        method.SortOrder = request.SortOrder;
        method.IsActive = request.IsActive;
        method.IconUrl = request.IconUrl;
        method.UpdatedAt = now;
    }

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound("payment_method_not_found", "Payment method not found.");
}

/// <summary>A payment method with its admin-only fields.</summary>
internal sealed record PaymentMethodAdminResponse(PaymentMethodView Method, bool IsActive, bool IsManual, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PaymentMethodAdminResponse From(PaymentMethod m) => new(PaymentMethodViews.From(m), m.IsActive, m.IsManual, m.CreatedAt, m.UpdatedAt);
}
