namespace SocialStore.Domain.Ordering;

/// <summary>Codes of the <see cref="Common.DomainException"/>s that <see cref="PaymentAdminQueries"/> throws; each is a resource key in the web project.</summary>
public static class PaymentAdminErrors
{
    public const string AdminOnly = "Payments.AdminOnly";
}
