namespace SbbCommerce.Api.Modules.Identity.Phone.ConfirmPhoneCode;

/// <summary>The code the SMS brought.</summary>
/// <param name="Code">6 digits.</param>
internal sealed record PhoneVerificationConfirmRequest(string Code);
