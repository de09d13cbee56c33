using SbbCommerce.Api.Modules.Payments.Admin.GetPayment;
using SbbCommerce.Api.Modules.Payments.Admin.GetProof;
using SbbCommerce.Api.Modules.Payments.Admin.ListPayments;
using SbbCommerce.Api.Modules.Payments.Admin.OverpaidOrders;
using SbbCommerce.Api.Modules.Payments.Admin.RejectPayment;
using SbbCommerce.Api.Modules.Payments.Admin.VerifyPayment;
using SbbCommerce.Api.Modules.Payments.Customer.CreatePayment;
using SbbCommerce.Api.Modules.Payments.Customer.GetPayment;
using SbbCommerce.Api.Modules.Payments.Customer.SubmitProof;
using SbbCommerce.Api.Modules.Payments.Methods.AdminGetPaymentMethod;
using SbbCommerce.Api.Modules.Payments.Methods.AdminListPaymentMethods;
using SbbCommerce.Api.Modules.Payments.Methods.CreatePaymentMethod;
using SbbCommerce.Api.Modules.Payments.Methods.DeletePaymentMethod;
using SbbCommerce.Api.Modules.Payments.Methods.ListPaymentMethods;
using SbbCommerce.Api.Modules.Payments.Methods.UpdatePaymentMethod;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Import;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.BulkConfirmLines;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.ConfirmLine;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.DismissLine;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.GetStatement;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.ListLines;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.ListStatements;
using SbbCommerce.Api.Modules.Payments.Refunds.CompleteRefund;
using SbbCommerce.Api.Modules.Payments.Refunds.CreateRefund;

namespace SbbCommerce.Api.Modules.Payments;

internal static class PaymentsEndpoints
{
    /// <summary>
    /// Maps /payment-methods, the customer's payments and the admin payment routes, one slice each. The order is the
    /// published document's (docs/openapi.json): a slice added goes where its audience's routes are.
    /// </summary>
    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Payments");
        api.MapListPaymentMethods();
        api.MapCreatePayment();
        api.MapGetPayment();
        api.MapSubmitProof();
        var admin = endpoints.MapGroup("/api/v1/admin").WithTags("Payments (admin)")
            .RequireAuthorization(Policies.Admin);
        admin.MapListPayments();
        admin.MapOverpaidOrders();
        admin.MapGetAdminPayment();
        admin.MapGetProof();
        admin.MapVerifyPayment();
        admin.MapRejectPayment();
        admin.MapCreateRefund();
        admin.MapCompleteRefund();
        admin.MapAdminListPaymentMethods();
        admin.MapAdminGetPaymentMethod();
        admin.MapCreatePaymentMethod();
        admin.MapUpdatePaymentMethod();
        admin.MapDeletePaymentMethod();
        var reconciliation = endpoints.MapGroup("/api/v1/admin").WithTags("Reconciliation (admin)")
            .RequireAuthorization(Policies.Admin);
        reconciliation.MapImportStatement();
        reconciliation.MapListStatements();
        reconciliation.MapGetStatement();
        reconciliation.MapListLines();
        reconciliation.MapConfirmLine();
        reconciliation.MapBulkConfirmLines();
        reconciliation.MapDismissLine();
        return endpoints;
    }
}
