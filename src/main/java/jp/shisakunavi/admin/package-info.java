@org.springframework.modulith.ApplicationModule(displayName = "Admin")
package jp.shisakunavi.admin;
