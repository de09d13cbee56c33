using Microsoft.AspNetCore.Mvc;
using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Proofs;

namespace SbbCommerce.Api.Modules.Payments.Customer.SubmitProof;

internal static class SubmitProofEndpoint
{
    public static RouteHandlerBuilder MapSubmitProof(this RouteGroupBuilder api) =>
        api.MapPost("/payments/{paymentReference}/proof", HandleAsync).WithName("SubmitPaymentProof")
            .WithSummary("Tell the shop you paid: customerReference, notes and an optional file (png, jpeg, webp or pdf, recognised by " +
                "content, at most 10 MB; multipart/form-data). pending -> awaiting_verification; 422 invalid_payment_state otherwise, " +
                "422 invalid_file for other content, 413 above 10 MB.")
            .RequireAuthorization(Policies.User)
            .DisableAntiforgery() // bearer tokens, no cookies: there is no cross-site form to forge
            .WithMetadata(new RequestSizeLimitAttribute(ProofFiles.MaxBytes + (64 * 1024)))
            .WithIdempotency()
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.PaymentNotFound)
            .ProducesErrors(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, PaymentsErrors.InvalidPaymentState, PaymentsErrors.InvalidFile);

    private static async Task<Results<Ok<PaymentDetailResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string paymentReference, [FromForm] string? customerReference, [FromForm] string? notes, IFormFile? file, ICurrentUser currentUser,
        HttpContext httpContext, SubmitProofHandler handler, CancellationToken cancellationToken)
    {
        // A form, not a JSON body: the endpoint filter cannot validate it, so the validator is run here.
        var submission = new ProofSubmission(customerReference, notes);
        var validation = await new ProofSubmissionValidator().ValidateAsync(submission, cancellationToken);
        if (!validation.IsValid)
        {
            return ApiProblems.Validation(validation.ToDictionary());
        }

        if (file is { Length: > ProofFiles.MaxBytes })
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The proof file is larger than 10 MB.");
        }

        return await handler.HandleAsync(paymentReference, submission, file, PaymentCaller.Customer(currentUser.UserId!.Value, httpContext),
            cancellationToken);
    }
}
