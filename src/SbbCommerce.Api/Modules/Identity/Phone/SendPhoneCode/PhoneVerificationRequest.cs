namespace SbbCommerce.Api.Modules.Identity.Phone.SendPhoneCode;

/// <summary>The number to verify.</summary>
/// <param name="Phone">E.164: a plus, the country code and the number, digits only (+14155550123).</param>
internal sealed record PhoneVerificationRequest(string Phone);
