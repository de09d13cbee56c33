namespace SbbCommerce.Api.Modules.Payments.Customer.SubmitProof;

/// <summary>The form fields of a proof: the transfer's confirmation and the customer's notes (the file travels beside them).</summary>
/// <param name="CustomerReference">The confirmation the bank or app gave (required, at most 100 characters).</param>
/// <param name="Notes">Anything the customer wants the shop to know (at most 2000 characters).</param>
internal sealed record ProofSubmission(string? CustomerReference, string? Notes);
