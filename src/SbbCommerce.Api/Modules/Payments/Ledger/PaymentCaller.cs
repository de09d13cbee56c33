namespace SbbCommerce.Api.Modules.Payments.Ledger;

/// <summary>
/// Who acts on a payment and where the request came from. The endpoint builds it from its request and passes it
/// down, so nothing below the endpoint reads the HTTP context; jobs and background handlers act as the system from nowhere.
/// </summary>
internal sealed record PaymentCaller(StatusActor Actor, RequestContext Request)
{
    public static readonly PaymentCaller System = new(StatusActor.System, RequestContext.None);

    public static PaymentCaller Admin(Guid userId, HttpContext httpContext) => new(StatusActor.Admin(userId), RequestContext.From(httpContext));

    public static PaymentCaller Customer(Guid userId, HttpContext httpContext) => new(StatusActor.Customer(userId), RequestContext.From(httpContext));
}
