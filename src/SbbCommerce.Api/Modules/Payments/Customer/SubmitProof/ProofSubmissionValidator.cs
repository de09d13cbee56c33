namespace SbbCommerce.Api.Modules.Payments.Customer.SubmitProof;

/// <summary>One error under customerReference for both fields, as the endpoint has always answered.</summary>
internal sealed class ProofSubmissionValidator : AbstractValidator<ProofSubmission>
{
    public const string Message = "customerReference is required (at most 100 characters); notes at most 2000.";

    public ProofSubmissionValidator() =>
        RuleFor(s => s)
            .Must(s => !string.IsNullOrWhiteSpace(s.CustomerReference) && s.CustomerReference.Length <= 100 && !(s.Notes?.Length > 2000))
            .OverridePropertyName("customerReference")
            .WithMessage(Message);
}
