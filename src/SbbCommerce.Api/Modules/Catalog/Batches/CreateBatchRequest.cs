namespace SbbCommerce.Api.Modules.Catalog.Batches;

/// <summary>A new batch of a product; its COA must then be verified before it becomes the product's current batch.</summary>
/// <param name="BatchNumber">Unique per product: letters, digits, '-', '_' or '.'; at most 50.</param>
/// <param name="QuantityProduced">Units made, at least 1.</param>
/// <param name="QuantityRemaining">Units not yet shipped, at most those made (default: all of them).</param>
/// <param name="CoaFileUrl">Absolute http(s) URL of the certificate of analysis.</param>
/// <param name="ManufacturedAt">Manufacture date (YYYY-MM-DD), not in the future.</param>
/// <param name="ExpiresAt">Expiry date (YYYY-MM-DD), after the manufacture date.</param>
/// <param name="IsActive">Sold from (default true).</param>
internal sealed record CreateBatchRequest(
    string BatchNumber, int QuantityProduced, int? QuantityRemaining, string CoaFileUrl, DateOnly ManufacturedAt, DateOnly ExpiresAt,
    bool IsActive = true);

internal sealed class CreateBatchRequestValidator : AbstractValidator<CreateBatchRequest>
{
    public CreateBatchRequestValidator(TimeProvider timeProvider)
    {
        RuleFor(request => request.BatchNumber).NotEmpty().MaximumLength(50)
            .Matches("^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$")
            .WithMessage("Batch number must be letters and digits joined by '-', '_' or '.' (e.g. BPC-2609-B).");
        RuleFor(request => request.QuantityProduced).InclusiveBetween(1, 10_000_000);
        RuleFor(request => request.QuantityRemaining)
            .InclusiveBetween(0, int.MaxValue).When(request => request.QuantityRemaining is not null)
            .LessThanOrEqualTo(request => request.QuantityProduced).When(request => request.QuantityRemaining is not null)
            .WithMessage("Remaining units must be between 0 and the units produced.");
        RuleFor(request => request.CoaFileUrl).NotEmpty().MaximumLength(2048)
            .Must(BeHttpUrl).WithMessage("The COA url must be an absolute http or https URL.");
        RuleFor(request => request.ManufacturedAt).NotEmpty()
            .Must(date => date <= CurrentBatch.Today(timeProvider)).WithMessage("The manufacture date must not be in the future.");
        RuleFor(request => request.ExpiresAt).NotEmpty()
            .GreaterThan(request => request.ManufacturedAt).WithMessage("The expiry date must be after the manufacture date.");
    }

    private static bool BeHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
