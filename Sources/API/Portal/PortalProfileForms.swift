import Domain
import HTTPCore

/// The markup of the Profiles page: a card per profile to buy from, the company's own profiles, and
/// the form that creates one (three buyer-field rows; each row's rule is a pattern for text, `min-max`
/// for integers, comma-separated values for enums).
enum PortalProfileForms {
    static func buyCard(_ view: ServiceProfileService.View, ownPorts: [ServiceRecord], _ caller: PortalCaller, errors: [String: String]) -> Markup {
        let p = view.profile, uid = p.uid
        let ports: [Markup] = view.ports.map { "<option value=\"\($0.id)\">\($0.name) · \($0.location?.name ?? "")</option>" }
        let aEnds: [Markup] = ownPorts.map { "<option value=\"\($0.id)\">\($0.name)</option>" }
        let speed: Markup = p.speeds.isEmpty
            ? "<input id=\"speed-\(uid)\" name=\"speed\" inputmode=\"numeric\">"
            : "<select id=\"speed-\(uid)\" name=\"speed\">\(p.speeds.map { "<option value=\"\($0)\">\($0) Mbps</option>" as Markup })</select>"
        let fields: [Markup] = p.buyerFields.map { field in
            let id = "field-\(uid)-\(field.key)", name = "field-\(field.key)"
            let input: Markup = field.kind == .enum
                ? "<select id=\"\(id)\" name=\"\(name)\"><option value=\"\"></option>\(field.values.map { "<option>\($0)</option>" as Markup })</select>"
                : "<input id=\"\(id)\" name=\"\(name)\"\(field.writeOnly ? " type=\"password\"" as Markup : "")>"
            return """
                <label for="\(id)">\(field.label)\(field.required ? "" : " (optional)")</label>\(input)\
                \(field.help.isEmpty ? "" as Markup : "<p class=\"muted\">\(field.help)</p>")\(PortalPage.error(errors["buyerFields.\(field.key)"]))
                """
        }
        let formError = errors["form"] ?? errors["serviceProfileUid"] ?? errors["bEnd.productId"]
        return """
            <article class="card" id="profile-\(uid)"><h2>\(p.name)</h2><p>\(p.companyName) · \(p.approvalMode == .auto ? "approved automatically" : "approved by \(p.companyName)")</p>
            <p>\(p.description)</p><form method="post" action="/portal/profiles/\(uid)/buy" class="narrow" novalidate>\(PortalPage.csrf(caller))
            <label for="aend-\(uid)">From your port</label><select id="aend-\(uid)" name="aEnd">\(aEnds)</select>\(PortalPage.error(errors["aEnd.productId"]))
            <label for="bend-\(uid)">To</label><select id="bend-\(uid)" name="bEnd"><option value="">The nearest port</option>\(ports)</select>
            <label for="speed-\(uid)">Speed (Mbps)</label>\(speed)\(PortalPage.error(errors["rateLimit"]))
            <label for="avlan-\(uid)">Your VLAN (blank: automatic)</label><input id="avlan-\(uid)" name="aVlan" inputmode="numeric">\(PortalPage.error(errors["aEnd.vlan"]))
            \(fields)\(PortalPage.error(formError))<button type="submit">Buy</button></form></article>
            """
    }

    static func selling(_ own: [ServiceProfileService.View], ports: [ServiceRecord], _ caller: PortalCaller, typed: PortalForm?,
                        errors: [String: String]) -> Markup {
        let rows: [Markup] = own.map { view in
            let p = view.profile
            return """
                <tr><td>\(p.name)</td><td>\(p.approvalMode.rawValue)</td><td>\(p.visibility.rawValue)</td><td>\(view.ports.map(\.name).joined(separator: ", "))</td>\
                <td>\(p.buyerFields.map(\.label).joined(separator: ", "))</td><td><form method="post" action="/portal/profiles/\(p.uid)/delete">\(PortalPage.csrf(caller))\
                <button type="submit" class="secondary">Delete</button></form></td></tr>
                """
        }
        let value = { (name: String) in typed?[name] ?? "" }
        let portBoxes: [Markup] = ports.map { "<label><input type=\"checkbox\" name=\"port-\($0.id)\"\(typed?["port-\($0.id)"] == "on" ? " checked" as Markup : "")> \($0.name)</label>" }
        let choice = { (name: String, label: String, options: [String]) -> Markup in
            "<label for=\"new-\(name)\">\(label)</label><select id=\"new-\(name)\" name=\"\(name)\">\(options.map { "<option\(value(name) == $0 ? " selected" as Markup : "")>\($0)</option>" as Markup })</select>"
        }
        let fieldRows: [Markup] = (0..<3).map { i in
            """
            <fieldset><legend>Buyer field \(i + 1)</legend><label for="f\(i)-key">Key</label><input id="f\(i)-key" name="f\(i)-key" value="\(value("f\(i)-key"))">\
            \(PortalPage.error(errors["buyerFields[\(i)].key"]))<label for="f\(i)-label">Label</label><input id="f\(i)-label" name="f\(i)-label" value="\(value("f\(i)-label"))">\
            \(choice("f\(i)-type", "Type", ["text", "integer", "enum"]))<label><input type="checkbox" name="f\(i)-required"> Required</label>\
            <label for="f\(i)-rule">Rule</label><input id="f\(i)-rule" name="f\(i)-rule" value="\(value("f\(i)-rule"))">\
            <p class="muted">Text: a pattern such as ^CR-[0-9]{6}$ · integer: min-max · enum: the values, comma-separated</p>\
            \(PortalPage.error(errors["buyerFields[\(i)].pattern"] ?? errors["buyerFields[\(i)].values"] ?? errors["buyerFields[\(i)].max"]))</fieldset>
            """
        }
        return """
            <h2>Sell</h2>\(rows.isEmpty ? "<p class=\"muted\">You sell through no profiles yet.</p>" as Markup : "<div class=\"scroll\"><table><thead><tr><th>Profile</th><th>Approval</th><th>Visibility</th><th>Ports</th><th>Buyer fields</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>")
            <form method="post" action="/portal/profiles" class="card narrow" novalidate>\(PortalPage.csrf(caller))<h2>New profile</h2>
            <label for="new-name">Name</label><input id="new-name" name="name" value="\(value("name"))">\(PortalPage.error(errors["name"]))
            <label for="new-description">Description</label><input id="new-description" name="description" value="\(value("description"))">
            <p>Offered on</p>\(portBoxes)\(PortalPage.error(errors["portIds"] ?? errors["portIds[0]"]))
            <label for="new-speeds">Speeds (Mbps, comma-separated; blank: any)</label><input id="new-speeds" name="speeds" value="\(value("speeds"))">\(PortalPage.error(errors["speeds"]))
            \(choice("approvalMode", "Approval", ["MANUAL", "AUTO"]))\(choice("vlanPolicy", "B-end VLAN chosen by", ["BUYER", "PROVIDER"]))\(choice("visibility", "Visibility", ["PUBLIC", "PRIVATE"]))
            <label for="new-visibleTo">Shown to (company ids, for PRIVATE)</label><input id="new-visibleTo" name="visibleTo" value="\(value("visibleTo"))">\(PortalPage.error(errors["visibleTo"]))
            \(fieldRows)\(PortalPage.error(errors["form"]))<button type="submit">Create profile</button></form>
            """
    }

    /// The profile a creation form describes.
    static func content(_ form: PortalForm) -> ServiceProfileContent {
        let numbers = { (name: String) in (form.text(name) ?? "").split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: " ")) } }
        let ports = form.fields.keys.filter { $0.hasPrefix("port-") && form[$0] == "on" }.compactMap { Int64($0.dropFirst(5)) }.sorted()
        let fields: [BuyerField] = (0..<3).compactMap { i in
            guard let key = form.text("f\(i)-key") else { return nil }
            let kind = BuyerField.Kind(rawValue: form.text("f\(i)-type") ?? "text") ?? .text, rule = form.text("f\(i)-rule")
            var field = BuyerField(key: key, label: form.text("f\(i)-label") ?? key, kind: kind, required: form["f\(i)-required"] == "on")
            switch kind {
            case .text: field.pattern = rule
            case .integer:
                let bounds = rule?.split(separator: "-").compactMap { Int64($0.trimmingCharacters(in: " ")) } ?? []
                (field.min, field.max) = (bounds.first, bounds.count > 1 ? bounds[1] : nil)
            case .enum: field.values = rule?.split(separator: ",").map { $0.trimmingCharacters(in: " ") } ?? []
            }
            return field
        }
        return ServiceProfileContent(name: form.text("name") ?? "", description: form.text("description") ?? "", portIds: ports,
                                     speeds: numbers("speeds").map { Int(clamping: $0) },
                                     approvalMode: ServiceProfile.ApprovalMode(rawValue: form.text("approvalMode") ?? "") ?? .manual,
                                     vlanPolicy: ServiceProfile.VLANPolicy(rawValue: form.text("vlanPolicy") ?? "") ?? .buyer,
                                     visibility: ServiceProfile.Visibility(rawValue: form.text("visibility") ?? "") ?? .public,
                                     visibleTo: numbers("visibleTo"), buyerFields: fields)
    }
}
