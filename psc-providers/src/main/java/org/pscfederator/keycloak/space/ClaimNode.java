package org.pscfederator.keycloak.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One claim as relying services receive it, for the page: its name and either a value or the claims inside it (an
 * object's members, a list's items numbered from 1). Getters, for the page's template.
 */
public final class ClaimNode {

    private final String name;
    private final String value;
    private final List<ClaimNode> children;

    private ClaimNode(String name, String value, List<ClaimNode> children) {
        this.name = name;
        this.value = value;
        this.children = children;
    }

    static List<ClaimNode> of(Map<String, Object> claims) {
        List<ClaimNode> nodes = new ArrayList<>();
        claims.forEach((name, value) -> nodes.add(node(name, value)));
        return nodes;
    }

    private static ClaimNode node(String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            List<ClaimNode> children = new ArrayList<>();
            map.forEach((key, inner) -> children.add(node(String.valueOf(key), inner)));
            return new ClaimNode(name, null, children);
        }
        if (value instanceof List<?> list) {
            List<ClaimNode> children = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                children.add(node(Integer.toString(i + 1), list.get(i)));
            }
            return new ClaimNode(name, null, children);
        }
        return new ClaimNode(name, value == null ? "" : String.valueOf(value), List.of());
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public List<ClaimNode> getChildren() {
        return children;
    }

    public boolean isLeaf() {
        return value != null;
    }
}
